package io.storyline.board.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Articles that reached an incident and incidents opened, per minute of the events' own time, over the last
 * hour: a restarted board that re-reads the last window of events shows the same hour.
 */
public final class Throughput {

    static final int MINUTES = 60;
    private static final int AVERAGE_OVER = 5;

    private final Clock clock;
    /** Epoch minute to {articles, opened}. */
    private final TreeMap<Long, long[]> minutes = new TreeMap<>();

    public Throughput(Clock clock) {
        this.clock = clock;
    }

    public synchronized void count(IncidentEvent event) {
        if (event.at() == null) {
            return;
        }
        boolean opened = IncidentEventType.OPENED.equals(event.type());
        boolean article = opened || IncidentEventType.ARTICLE_ADDED.equals(event.type())
                || IncidentEventType.DUPLICATE_SEEN.equals(event.type());
        if (!article) {
            return;
        }
        long minute = event.at().getEpochSecond() / 60;
        if (minute <= currentMinute() - MINUTES) {
            return;
        }
        long[] counts = minutes.computeIfAbsent(minute, m -> new long[2]);
        counts[0]++;
        if (opened) {
            counts[1]++;
        }
        minutes.headMap(currentMinute() - MINUTES, true).clear();
    }

    private long currentMinute() {
        return clock.instant().getEpochSecond() / 60;
    }

    /**
     * {@code articles_per_minute} and {@code opened_per_minute}: averages over the last five minutes;
     * {@code minutes}: the last hour, oldest first, as {@code [articles, opened]} pairs.
     */
    public synchronized ObjectNode snapshot() {
        long now = currentMinute();
        ObjectNode out = Json.mapper().createObjectNode();
        long articles = 0;
        long opened = 0;
        ArrayNode series = out.putArray("minutes");
        for (long minute = now - MINUTES + 1; minute <= now; minute++) {
            long[] counts = minutes.getOrDefault(minute, new long[2]);
            series.addArray().add(counts[0]).add(counts[1]);
            if (minute > now - AVERAGE_OVER) {
                articles += counts[0];
                opened += counts[1];
            }
        }
        out.put("articles_per_minute", Math.round(articles * 10.0 / AVERAGE_OVER) / 10.0);
        out.put("opened_per_minute", Math.round(opened * 10.0 / AVERAGE_OVER) / 10.0);
        out.put("series_end", Instant.ofEpochSecond(now * 60).toString());
        return out;
    }
}
