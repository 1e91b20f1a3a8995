package io.storyline.common.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * How far a Kafka Streams client has got, for readiness: whether it has reached RUNNING since it started, and
 * which store partitions of its active tasks are being restored from their changelogs right now. Registered as
 * the client's restore listener before it starts; told of state changes by the runtime's state listener.
 */
final class ClientProgress implements StateRestoreListener {

    private record Restoring(TopicPartition changelog, String store) {
    }

    private final Set<Restoring> restoring = ConcurrentHashMap.newKeySet();
    private volatile boolean hasRun;

    void stateChanged(KafkaStreams.State newState) {
        if (newState == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
    }

    /** True once the client has been RUNNING: its first assignment is done and its tasks were processing. */
    boolean hasRun() {
        return hasRun;
    }

    /** Store partitions of active tasks now being restored. */
    int restoringPartitions() {
        return restoring.size();
    }

    @Override
    public void onRestoreStart(TopicPartition topicPartition, String storeName, long startingOffset,
                               long endingOffset) {
        restoring.add(new Restoring(topicPartition, storeName));
    }

    @Override
    public void onBatchRestored(TopicPartition topicPartition, String storeName, long batchEndOffset,
                                long numRestored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition topicPartition, String storeName, long totalRestored) {
        restoring.remove(new Restoring(topicPartition, storeName));
    }

    /** The task moved to another instance before its restoration finished. */
    @Override
    public void onRestoreSuspended(TopicPartition topicPartition, String storeName, long totalRestored) {
        restoring.remove(new Restoring(topicPartition, storeName));
    }
}
