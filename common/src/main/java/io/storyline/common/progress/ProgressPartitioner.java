package io.storyline.common.progress;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a progress mark to every partition of the topic (KIP-837 multicast), so that every downstream task hears
 * from every upstream one; data goes where Kafka's default partitioner puts it (by key), as without marks.
 */
public final class ProgressPartitioner<K, V> implements StreamPartitioner<K, InBand<V>> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, K key, InBand<V> value, int numPartitions) {
        if (!InBand.isMark(value)) {
            return Optional.empty();
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
