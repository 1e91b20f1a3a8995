package io.storyline.launcher.local;

import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's outputs as a downstream consumer would (committed records only): the latest state of
 * every incident, the events, and the dead letters. A local run is finished when every input article is a
 * member of a live incident or was dead-lettered: what it watches is the data, not a timer.
 */
final class OutputWatcher implements AutoCloseable {

    /** A dead letter as a person reads it. */
    record DeadLetterNote(String key, String service, String reason, String message) {
    }

    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final List<DeadLetterNote> deadLetters = new ArrayList<>();
    private final Set<String> deadLetteredKeys = new HashSet<>();
    private long recordsSeen;

    OutputWatcher(StorylineConfig config) {
        this.topics = config.topics();
        Map<String, Object> props = config.kafkaSettings();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "storyline-run-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // A subscription, not an assignment: topics created a moment ago may not be in every broker's metadata yet,
        // and a subscription picks their partitions up when they appear.
        consumer.subscribe(List.of(topics.incidents().name(), topics.incidentEvents().name(), topics.dlq().name()));
    }

    /** Reads what has arrived; calls {@code onEvent} for each incident event in order. */
    void poll(Duration timeout, Consumer<IncidentEvent> onEvent) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            recordsSeen++;
            if (ProgressMark.isMark(record.headers())) {
                continue;  // a consumer of Storyline's topics skips progress marks
            }
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (record.topic().equals(topics.incidents().name())) {
                if (record.value() == null) {
                    incidents.remove(key);
                } else {
                    Incident incident = topics.incidents().valueSerde().deserializer().deserialize(null, record.value());
                    incidents.put(incident.incidentId(), incident);
                }
            } else if (record.topic().equals(topics.incidentEvents().name())) {
                if (record.value() != null) {
                    onEvent.accept(topics.incidentEvents().valueSerde().deserializer().deserialize(null, record.value()));
                }
            } else {
                Map<String, String> headers = DeadLetterHeaders.read(record.headers());
                deadLetters.add(new DeadLetterNote(key, headers.get(DeadLetterHeaders.SERVICE),
                        headers.get(DeadLetterHeaders.REASON), headers.get(DeadLetterHeaders.MESSAGE)));
                if (key != null) {
                    deadLetteredKeys.add(key);
                }
            }
        }
    }

    /**
     * Reads on until every output partition is read to its end as it stands now. The events of an article are
     * committed with its incident, so once the incidents are complete this brings the last of the events in.
     */
    void drain(Consumer<IncidentEvent> onEvent) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())
                && Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(100), onEvent);
        }
    }

    /** Records read so far on all outputs: progress, for the stall watchdog. */
    long recordsSeen() {
        return recordsSeen;
    }

    /** Incidents as the compacted topic holds them now, merged-away ones excluded. */
    List<Incident> liveIncidents() {
        return incidents.values().stream().filter(i -> i.mergedInto() == null).toList();
    }

    Set<String> placedArticleIds() {
        Set<String> placed = new HashSet<>();
        for (Incident incident : liveIncidents()) {
            placed.addAll(incident.articleIds());
        }
        return placed;
    }

    boolean wasDeadLettered(String key) {
        return deadLetteredKeys.contains(key);
    }

    List<DeadLetterNote> deadLetters() {
        return List.copyOf(deadLetters);
    }

    long deadLettersFrom(String service) {
        return deadLetters.stream().filter(d -> service.equals(d.service())).count();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
