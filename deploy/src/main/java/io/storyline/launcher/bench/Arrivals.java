package io.storyline.launcher.bench;

import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * When records become visible to a downstream consumer ({@code read_committed}), per topic, and when each article
 * is first placed in an incident: the clock of every throughput and latency figure of the benchmark. Times are
 * {@link System#nanoTime()} at the poll that returned the record, in this JVM, the same clock the publisher
 * stamps articles with.
 */
final class Arrivals implements AutoCloseable {

    /** The placements of articles in incidents, counted as one more stream beside the topics. */
    static final String PLACEMENTS = "placements";
    private static final Set<String> PLACING = Set.of(IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED,
            IncidentEventType.DUPLICATE_SEEN);

    /**
     * Records per second in a stream's steady state, its middle three fifths: the first fifth (at least its first
     * poll's batch) carries the start-up of the processes and of their JIT compilation, the last fifth the drain at
     * the end of the input (where the aggregate's ordering stage lets its last second go at once).
     *
     * @param records all records of the stream
     * @param seconds the time over which the middle arrived
     */
    record Rate(int records, double seconds, double perSecond) {
    }

    private final CommittedReader reader;
    private final String eventsTopic;
    private final Map<String, List<Long>> times = new HashMap<>();
    private final Map<String, Long> placedAt = new LinkedHashMap<>();

    Arrivals(Map<String, Object> clientSettings, Topics topics, List<String> topicNames) {
        this.reader = new CommittedReader(clientSettings, topicNames);
        this.eventsTopic = topics.incidentEvents().name();
    }

    /** Reads what has arrived, waiting up to {@code timeout} for something. */
    void poll(Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = reader.poll(timeout);
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            times.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(now);
            if (record.topic().equals(eventsTopic) && record.value() != null) {
                IncidentEvent event = Topics.INCIDENT_EVENT_SERDE.fromBytes(record.value());
                if (PLACING.contains(event.type()) && placedAt.putIfAbsent(event.articleId(), now) == null) {
                    times.computeIfAbsent(PLACEMENTS, t -> new ArrayList<>()).add(now);
                }
            }
        }
    }

    int count(String stream) {
        return times.getOrDefault(stream, List.of()).size();
    }

    /**
     * Reads until {@code stream} has {@code count} records, or {@code window} has passed since its first one
     * arrived; throws if nothing at all arrives within {@code deadline}.
     */
    void await(String stream, int count, Duration window, Duration deadline) {
        long giveUp = System.nanoTime() + deadline.toNanos();
        while (count(stream) < count) {
            List<Long> arrived = times.getOrDefault(stream, List.of());
            long now = System.nanoTime();
            if (!arrived.isEmpty() && now - arrived.get(0) >= window.toNanos()) {
                return;
            }
            if (now > giveUp) {
                throw new IllegalStateException(stream + ": " + count(stream) + " of " + count
                        + " records arrived within " + deadline);
            }
            poll(Duration.ofMillis(100));
        }
    }

    Rate rate(String stream) {
        List<Long> arrived = times.getOrDefault(stream, List.of());
        if (arrived.size() < 2) {
            return new Rate(arrived.size(), 0, 0);
        }
        long first = arrived.get(0);
        int from = Math.max((int) arrived.stream().filter(t -> t == first).count(), arrived.size() / 5) - 1;
        int to = Math.max(from, arrived.size() - 1 - arrived.size() / 5);
        double seconds = (arrived.get(to) - arrived.get(from)) / 1e9;
        return new Rate(arrived.size(), seconds, seconds == 0 ? 0 : (to - from) / seconds);
    }

    /** When the article was first placed in an incident, or null. */
    Long placedAt(String articleId) {
        return placedAt.get(articleId);
    }

    @Override
    public void close() {
        reader.close();
    }
}
