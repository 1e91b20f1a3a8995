package io.storyline.launcher.bench;

import io.storyline.common.progress.ProgressMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics from their beginning as a downstream consumer does ({@code read_committed}: nothing of an
 * aborted transaction; progress marks skipped), without a consumer group, so reading changes nothing on the
 * cluster.
 */
public final class CommittedReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /**
     * @param settings client settings, at least {@code bootstrap.servers} (and security settings, if any)
     * @param topics   existing topics to read
     */
    public CommittedReader(Map<String, Object> settings, Collection<String> topics) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** What has been committed since the last call, waiting up to {@code timeout} for something. */
    public List<ConsumerRecord<String, byte[]>> poll(Duration timeout) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (!ProgressMark.isMark(record.headers())) {
                out.add(record);
            }
        }
        return out;
    }

    /** Reads on until every partition is read up to where it ends now (its last stable offset). */
    public List<ConsumerRecord<String, byte[]>> drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            out.addAll(poll(Duration.ofMillis(200)));
        }
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
