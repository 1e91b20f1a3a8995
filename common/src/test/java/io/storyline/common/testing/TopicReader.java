package io.storyline.common.testing;

import io.storyline.common.progress.ProgressMark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning, committed records only, until what the test expects has arrived. The
 * deadline only keeps a broken build from hanging: tests wait on records, never on time. Progress marks (records
 * with the {@link ProgressMark#HEADER} header) are skipped, as every consumer of Storyline's topics skips them.
 */
public final class TopicReader<K, V> implements AutoCloseable {

    public static final Duration SAFETY_DEADLINE = Duration.ofMinutes(2);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<K> keys;
    private final Deserializer<V> values;
    private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

    public TopicReader(String topic, Deserializer<K> keys, Deserializer<V> values) {
        this.topic = topic;
        this.keys = keys;
        this.values = values;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code done} holds for everything read so far; returns all of it. */
    public List<ConsumerRecord<K, V>> readUntil(Predicate<List<ConsumerRecord<K, V>>> done) {
        Instant deadline = Instant.now().plus(SAFETY_DEADLINE);
        while (!done.test(seen)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting on " + topic + " after " + SAFETY_DEADLINE
                        + "; read " + seen.size() + " records: " + seen);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (!ProgressMark.isMark(record.headers())) {
                    seen.add(decoded(record));
                }
            }
        }
        return List.copyOf(seen);
    }

    /** Reads until at least {@code count} records have arrived. */
    public List<ConsumerRecord<K, V>> readAtLeast(int count) {
        return readUntil(records -> records.size() >= count);
    }

    private ConsumerRecord<K, V> decoded(ConsumerRecord<byte[], byte[]> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(),
                keys.deserialize(record.topic(), record.headers(), record.key()),
                values.deserialize(record.topic(), record.headers(), record.value()), record.headers(),
                record.leaderEpoch());
    }

    /**
     * Every committed record of {@code topic} but the progress marks, read from the beginning to the end it has
     * now.
     */
    public static List<ConsumerRecord<byte[], byte[]>> committed(String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(SAFETY_DEADLINE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within " + SAFETY_DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!ProgressMark.isMark(record.headers())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
