package io.storyline.launcher.local;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How far the pipeline has got, read from Kafka itself. news.raw is written by the publisher without
 * transactions, so ingest's committed offsets equal the log end exactly when it has consumed every raw record;
 * because ingest commits its offsets and its output in one transaction, news.articles is complete then.
 */
final class StageProgress implements AutoCloseable {

    private final Admin admin;
    private final StorylineConfig config;

    StageProgress(StorylineConfig config) {
        this.config = config;
        this.admin = Admin.create(config.kafkaSettings());
    }

    /** True once the ingest service has committed past every record on news.raw. */
    boolean ingestDone() {
        String raw = config.topics().raw().name();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(StreamsSettings.applicationId("ingest", config))
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(raw)).allTopicNames().get(10, TimeUnit.SECONDS).get(raw).partitions()
                    .forEach(p -> latest.put(new TopicPartition(raw, p.partition()), OffsetSpec.latest()));
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                long consumed = position == null ? 0 : position.offset();
                if (consumed < end.getValue().offset()) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The ids of every article ingest has written (committed), read to the end of news.articles. */
    Set<String> articleIds() {
        String topic = config.topics().articles().name();
        Map<String, Object> props = config.kafkaSettings();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "storyline-run-articles-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.value() != null) {
                        ids.add(record.key());
                    }
                }
            }
        }
        return ids;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
