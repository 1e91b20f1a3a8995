package io.storyline.launcher.local;

import io.storyline.alert.AlertService;
import io.storyline.alert.AlertSettings;
import io.storyline.common.alert.Alert;
import io.storyline.common.files.Folders;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The alert service beside a local run ({@code storyline run --rules FILE}): started with the run's settings and
 * the given rules, and asked, once the incidents are complete, for every alert the run raised. Complete means the
 * service has committed its position at the end of both of its inputs (its alerts commit with that position).
 */
final class AlertsOfRun implements AutoCloseable {

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);

    private final StorylineConfig config;
    private final ServiceRuntime runtime;
    private final Path state;

    private AlertsOfRun(StorylineConfig config, ServiceRuntime runtime, Path state) {
        this.config = config;
        this.runtime = runtime;
        this.state = state;
    }

    /** Starts the service; a rules file with mistakes stops it with one line per mistake. */
    static AlertsOfRun start(StorylineConfig config, Path rules) {
        Path state;
        try {
            state = Files.createTempDirectory("storyline-alert-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StorylineConfig withRules = config.with(AlertSettings.RULES, rules.toString())
                .with(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return new AlertsOfRun(withRules, ServiceRuntime.start(new AlertService(), withRules), state);
    }

    /** Every alert raised so far, once the service has read its inputs to their end. */
    List<Alert> alerts() {
        Topics topics = config.topics();
        awaitCaughtUp(List.of(topics.incidentEvents().name(), topics.incidents().name()));
        return read(topics.alerts().name()).stream().map(record -> Topics.ALERT_SERDE.fromBytes(record.value()))
                .toList();
    }

    private void awaitCaughtUp(List<String> inputs) {
        String group = StreamsSettings.applicationId("alert", config);
        Instant deadline = Instant.now().plus(CATCH_UP_LIMIT);
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (String topic : inputs) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                            .partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()),
                                    OffsetSpec.latest()));
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all()
                        .get(30, TimeUnit.SECONDS);
                boolean caughtUp = end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (caughtUp) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the alert service did not read its inputs to the end within "
                            + CATCH_UP_LIMIT);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot ask Kafka how far the alert service got: " + e.getMessage(), e);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        Map<String, Object> props = config.kafkaSettings();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }

    @Override
    public void close() {
        runtime.close();
        Folders.deleteQuietly(state);
    }
}
