package io.storyline.board.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Dead letters of the last day by service and reason, from the headers of {@code news.dlq} (the board reads only
 * them): the question an operator asks is "what is being rejected, and is it new".
 */
public final class DeadLetterCounts {

    public static final Duration WINDOW = Duration.ofHours(24);

    private final Clock clock;
    /** Epoch hour to "service\u0000reason" to count. */
    private final TreeMap<Long, Map<String, Long>> hours = new TreeMap<>();

    public DeadLetterCounts(Clock clock) {
        this.clock = clock;
    }

    public synchronized void count(Headers headers, long timestamp) {
        long hour = timestamp / 3_600_000L;
        long now = clock.millis() / 3_600_000L;
        if (hour <= now - WINDOW.toHours()) {
            return;
        }
        String key = text(headers.lastHeader(DeadLetterHeaders.SERVICE), "unknown service") + "\u0000"
                + text(headers.lastHeader(DeadLetterHeaders.REASON), "no reason given");
        hours.computeIfAbsent(hour, h -> new HashMap<>()).merge(key, 1L, Long::sum);
        hours.headMap(now - WINDOW.toHours(), true).clear();
    }

    private static String text(Header header, String absent) {
        if (header == null || header.value() == null) {
            return absent;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@code [{service, reason, last_day, this_hour}]}, most frequent first. */
    public synchronized ArrayNode snapshot() {
        long now = clock.millis() / 3_600_000L;
        Map<String, long[]> totals = new TreeMap<>();
        hours.forEach((hour, counts) -> {
            if (hour > now - WINDOW.toHours()) {
                counts.forEach((key, count) -> {
                    long[] total = totals.computeIfAbsent(key, k -> new long[2]);
                    total[0] += count;
                    if (hour == now) {
                        total[1] += count;
                    }
                });
            }
        });
        ArrayNode out = Json.mapper().createArrayNode();
        totals.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> {
                    String[] parts = e.getKey().split("\u0000", 2);
                    ObjectNode row = out.addObject();
                    row.put("service", parts[0]);
                    row.put("reason", parts[1]);
                    row.put("last_day", e.getValue()[0]);
                    row.put("this_hour", e.getValue()[1]);
                });
        return out;
    }
}
