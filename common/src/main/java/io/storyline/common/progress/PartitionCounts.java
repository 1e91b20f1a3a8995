package io.storyline.common.progress;

/**
 * How many partitions a topic has: a stage's mark says how many tasks the stage has (its input topic's
 * partitions), so that the next stage knows how many sources to wait for. Asked when a task first needs it, so
 * that building a topology needs no broker; the services answer from the cluster, topology tests with a number.
 */
@FunctionalInterface
public interface PartitionCounts {

    int of(String topic);

    /** Every topic has {@code partitions} partitions (a topology test's single-partition topics: 1). */
    static PartitionCounts fixed(int partitions) {
        return topic -> partitions;
    }
}
