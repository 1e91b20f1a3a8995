package io.storyline.common.progress;

import java.time.Duration;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Progress at the source of the pipeline, for a task that reads one partition of a topic producers write to
 * ({@code news.raw}), in offset order. Each record gets an <em>effective time</em>: the largest record time of its
 * partition up to it, so effective times never go down within a partition (for a producer that stamps increasing
 * times it is the record time itself); the task writes what it makes of the record with that time. Every {@link
 * ProgressStage#MARK_INTERVAL} it writes a mark when its progress changed (and every {@link ProgressStage#HEARTBEAT}
 * anyway, so a downstream task that lost its state relearns it):
 *
 * <ul>
 *   <li>the effective time reached: every later record gets at least that time;</li>
 *   <li>caught up, when the partition has nothing left to deliver: its consumer's lag is zero ({@link ConsumerLag})
 *       and the task processed no record since the previous check, so nothing fetched is still waiting in the
 *       task's buffer (a stream thread processes buffered records between two checks).</li>
 * </ul>
 *
 * A record arriving after the partition was reported caught up (a live feed that went quiet and resumes) first
 * gets a mark that takes the claim back, then goes on; if it is older than what downstream already let pass, it
 * arrives late there, and is counted.
 *
 * <p>The effective time lives in a state store, so a restart resumes it where the committed input offset is.
 */
public final class SourceProgress<K, V> {

    private final ProcessorContext<K, InBand<V>> context;
    private final KeyValueStore<Integer, Long> store;
    private final String topic;
    private final int partition;
    private final PartitionCounts counts;
    private final ConsumerLag lag;
    private Long effectiveTime;
    private boolean processedSinceCheck;
    private ProgressMark lastSent;
    private long lastSentAt;

    private SourceProgress(ProcessorContext<K, InBand<V>> context, String storeName, String topic,
                           PartitionCounts counts) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.topic = topic;
        this.partition = context.taskId().partition();
        this.counts = counts;
        this.lag = ConsumerLag.of(context);
        this.effectiveTime = store.get(partition);
        this.processedSinceCheck = true;
    }

    public static StoreBuilder<KeyValueStore<Integer, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Integer(), Serdes.Long());
    }

    /**
     * Tracks the partition of {@code topic} that {@code context}'s task reads; call in {@code init}. Marks are
     * forwarded through {@code context}, in order with the task's data, without a key (the task's keys are its
     * own type): give them {@link ProgressMark#KEY} before they reach a repartition topic.
     */
    public static <K, V> SourceProgress<K, V> start(ProcessorContext<K, InBand<V>> context, String storeName,
                                                    String topic, PartitionCounts counts) {
        SourceProgress<K, V> progress = new SourceProgress<>(context, storeName, topic, counts);
        context.schedule(ProgressStage.MARK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, progress::check);
        return progress;
    }

    /** The effective time of a record of record time {@code timestamp}, read now. Call for every record, in order. */
    public long admit(long timestamp) {
        long time = effectiveTime == null ? timestamp : Math.max(effectiveTime, timestamp);
        if (lastSent == null || lastSent.caughtUp()) {
            // Downstream may hold nothing back for this partition (it was caught up, maybe before a restart of this
            // task): say it is delivering again before the record goes.
            send(ProgressMark.at(partition, sources(), time), context.currentSystemTimeMs());
        }
        if (effectiveTime == null || time != effectiveTime) {
            effectiveTime = time;
            store.put(partition, time);
        }
        processedSinceCheck = true;
        return time;
    }

    private void check(long now) {
        OptionalLong behind = lag.ofThisThread(topic, partition);
        boolean caughtUp = !processedSinceCheck && behind.isPresent() && behind.getAsLong() <= 0;
        processedSinceCheck = false;
        long time = effectiveTime == null ? 0 : effectiveTime;
        ProgressMark mark;
        if (caughtUp) {
            mark = ProgressMark.caughtUp(partition, sources(), time);
        } else if (effectiveTime != null) {
            mark = ProgressMark.at(partition, sources(), time);
        } else {
            return;  // nothing read yet and not known to be empty: no claim to make
        }
        if (!mark.equals(lastSent) || now - lastSentAt >= ProgressStage.HEARTBEAT.toMillis()) {
            send(mark, now);
        }
    }

    private void send(ProgressMark mark, long now) {
        context.forward(new Record<>(null, InBand.mark(mark), Math.max(0, mark.time()), ProgressMark.headers()));
        lastSent = mark;
        lastSentAt = now;
    }

    private int sources() {
        return counts.of(topic);
    }
}
