package io.storyline.alert.delivery;

import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The alerts of one assigned partition still being delivered, and the offset that may be committed: the first
 * record not yet settled (delivered to, or dead-lettered for, every one of its webhooks). Records settle out of
 * order (one incident's lane waits while another's goes on); the committed offset only moves past a record once
 * it and all before it have settled, so a restart redelivers, never skips.
 */
final class PartitionProgress {

    private final TopicPartition partition;
    /** Offset to the deliveries of that record not yet settled. */
    private final TreeMap<Long, Integer> open = new TreeMap<>();
    private long next = -1;
    private long committed = -1;
    private boolean revoked;

    PartitionProgress(TopicPartition partition) {
        this.partition = partition;
    }

    TopicPartition partition() {
        return partition;
    }

    /** A record read, with the number of deliveries it needs (0: nothing to do). */
    void read(long offset, int deliveries) {
        next = offset + 1;
        if (deliveries > 0) {
            open.put(offset, deliveries);
        }
    }

    /** One delivery of the record at {@code offset} settled. */
    void settled(long offset) {
        open.computeIfPresent(offset, (o, left) -> left == 1 ? null : left - 1);
    }

    /** The offset to commit now, when it moved since the last commit. */
    OptionalLong toCommit() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long offset = open.isEmpty() ? next : open.firstKey();
        return offset == committed ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    void committed(long offset) {
        committed = offset;
    }

    /** Records read and not settled. */
    int unsettled() {
        return open.size();
    }

    /** The partition went to another consumer: what it still holds is theirs to deliver. */
    void revoke() {
        revoked = true;
    }

    boolean revoked() {
        return revoked;
    }
}
