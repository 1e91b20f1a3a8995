package io.storyline.launcher.dlq;

import io.storyline.launcher.UserError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import io.storyline.common.runtime.KafkaUnavailableException;

/**
 * Reads the dead-letter topic as it stands now (committed records only: the services write it transactionally),
 * from {@code since} or its beginning to its current end, without joining any consumer group: listing or
 * replaying moves no offsets and can be repeated.
 */
final class DeadLetterReader {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private DeadLetterReader() {
    }

    /**
     * @param since   letters written at or after this instant, or null for all
     * @param matches which letters to keep
     */
    static List<DeadLetter> read(Map<String, Object> settings, String topic, Instant since,
                                 Predicate<DeadLetter> matches) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "storyline-dlq-" + UUID.randomUUID());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            if (partitions.isEmpty()) {
                throw new UserError("there is no dead-letter topic " + topic + " on "
                        + settings.getOrDefault("bootstrap.servers", "?"));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            seek(consumer, partitions, since);
            long behind = behind(consumer, partitions, ends);
            Instant lastProgress = Instant.now();
            while (behind > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    DeadLetter letter = DeadLetter.of(record);
                    if (matches.test(letter)) {
                        out.add(letter);
                    }
                }
                long now = behind(consumer, partitions, ends);
                if (now < behind) {
                    behind = now;
                    lastProgress = Instant.now();
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(METADATA_TIMEOUT) > 0) {
                    throw new KafkaUnavailableException("reading " + topic
                            + " stopped advancing for " + METADATA_TIMEOUT.toSeconds() + " s with " + behind
                            + " records still to read", null);
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new KafkaUnavailableException("cannot read " + topic + " on "
                    + settings.getOrDefault("bootstrap.servers", "?") + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(DeadLetter::time).thenComparing(DeadLetter::at));
        return out;
    }

    private static long behind(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                               Map<TopicPartition, Long> ends) {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            behind += Math.max(0, ends.get(partition) - consumer.position(partition, METADATA_TIMEOUT));
        }
        return behind;
    }

    private static void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant since) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, METADATA_TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp found = offsets.get(partition);
            consumer.seek(partition, found == null ? ends.get(partition) : found.offset());
        }
    }
}
