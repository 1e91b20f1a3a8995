package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordering stage in the single clustering task: buffers articles from every input partition and releases
 * them in (record time, publication time, article id) order, an article only once every input partition has delivered something
 * {@code lateness} later or gone idle (and the article has waited the idle timeout itself, so that partitions
 * idle at start-up or between bursts get the time to deliver their first article). Articles from several partitions reach this task in whatever interleaving the upstream
 * tasks and instances happen to produce; released in this order, they cluster the same way at any number of
 * instances. A partition that neither advances nor goes idle (its task is moving between instances, say) holds
 * the others back for at most {@code maxWait}. An article that arrives after a later one has gone (its partition
 * delivered it further out of order than the lateness allows) is still clustered, at once, and counted: the
 * metric {@code late-arrivals-total} tells an operator the lateness is too short for this input.
 */
public final class ReleaseInOrder implements Processor<String, OrderEnvelope, String, ArticleFeatures> {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseInOrder.class);
    static final String METRIC_SCOPE = "storyline-order";
    static final String LATE_ARRIVALS = "late-arrivals";

    private final OrderingStores stores;
    private final IntSupplier partitionCount;
    private int inputPartitions;
    private final Duration lateness;
    private final Duration idleTimeout;
    private final Duration maxWait;
    private ProcessorContext<String, ArticleFeatures> context;
    private KeyValueStore<String, OrderEnvelope> buffer;
    private KeyValueStore<Integer, Watermark> watermarks;
    /** The key of the article released last in this task's lifetime: anything arriving below it is late. */
    private String lastReleased;
    private Sensor lateArrivals;

    /**
     * @param lateness how far out of record-time order one input partition may deliver (its upstream merged
     *                 several partitions): a partition has passed a time once it delivered something this much later
     */
    public ReleaseInOrder(OrderingStores stores, IntSupplier inputPartitions, Duration lateness,
                          Duration idleTimeout, Duration maxWait) {
        this.stores = stores;
        this.partitionCount = inputPartitions;
        this.lateness = lateness;
        this.idleTimeout = idleTimeout;
        this.maxWait = maxWait;
    }

    @Override
    public void init(ProcessorContext<String, ArticleFeatures> context) {
        this.context = context;
        this.inputPartitions = partitionCount.getAsInt();
        this.buffer = context.getStateStore(stores.buffer());
        this.watermarks = context.getStateStore(stores.watermarks());
        this.lateArrivals = context.metrics().addRateTotalSensor(METRIC_SCOPE, context.taskId().toString(),
                LATE_ARRIVALS, Sensor.RecordingLevel.INFO);
        Duration shorter = idleTimeout.compareTo(maxWait) < 0 ? idleTimeout : maxWait;
        context.schedule(checkInterval(shorter), PunctuationType.WALL_CLOCK_TIME, now -> release());
    }

    @Override
    public void process(Record<String, OrderEnvelope> record) {
        OrderEnvelope envelope = record.value();
        Watermark previous = watermarks.get(envelope.partition());
        if (envelope.idle()) {
            watermarks.put(envelope.partition(), new Watermark(previous == null ? Long.MIN_VALUE
                    : previous.timestamp(), true));
        } else {
            long latest = previous == null ? record.timestamp() : Math.max(previous.timestamp(), record.timestamp());
            watermarks.put(envelope.partition(), new Watermark(latest, false));
            String key = key(record.timestamp(), envelope);
            if (lastReleased != null && key.compareTo(lastReleased) < 0) {
                lateArrivals.record();
                LOG.warn("article {} from partition {} of the input arrived {} ms of record time behind an article "
                        + "already clustered; it is clustered now, out of order: storyline.aggregate.order.lateness "
                        + "({}) is shorter than how far out of order the input delivers", envelope.article().id(),
                        envelope.partition(), timestampOf(lastReleased) - record.timestamp(), lateness);
            }
            buffer.put(key, envelope.arrived(context.currentSystemTimeMs()));
        }
        release();
    }

    private void release() {
        while (true) {
            KeyValue<String, OrderEnvelope> head;
            try (KeyValueIterator<String, OrderEnvelope> entries = buffer.all()) {
                if (!entries.hasNext()) {
                    return;
                }
                head = entries.next();
            }
            long timestamp = timestampOf(head.key);
            long waited = context.currentSystemTimeMs() - head.value.arrivedAt();
            if (waited < maxWait.toMillis() && !everyPartitionPassed(timestamp, waited >= idleTimeout.toMillis())) {
                return;
            }
            buffer.delete(head.key);
            if (lastReleased == null || head.key.compareTo(lastReleased) > 0) {
                lastReleased = head.key;
            }
            ArticleFeatures article = head.value.article();
            context.forward(new Record<>(article.id(), article, timestamp));
        }
    }

    /**
     * Whether no input partition can still send anything at or before {@code timestamp}: each has sent something
     * later, or has gone idle and the article has itself waited the idle timeout (so a partition that went idle
     * while all of them were, at start-up or between bursts, gets the time to deliver its first article).
     */
    private boolean everyPartitionPassed(long timestamp, boolean waitedIdleTimeout) {
        for (int partition = 0; partition < inputPartitions; partition++) {
            if (!passed(watermarks.get(partition), timestamp, waitedIdleTimeout)) {
                return false;
            }
        }
        // Partitions added to the input topic after start-up are held to the same rule once they have spoken.
        try (KeyValueIterator<Integer, Watermark> all = watermarks.range(inputPartitions, Integer.MAX_VALUE)) {
            while (all.hasNext()) {
                if (!passed(all.next().value, timestamp, waitedIdleTimeout)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean passed(Watermark watermark, long timestamp, boolean waitedIdleTimeout) {
        return watermark != null && ((watermark.timestamp() != Long.MIN_VALUE
                && watermark.timestamp() - lateness.toMillis() > timestamp) || (watermark.idle() && waitedIdleTimeout));
    }

    /**
     * Sorts by record time, then publication time (a publisher that sends a batch in one millisecond sent it in
     * its own order, which for news is the order of publication), then article id, then where it came from.
     * Fixed-width hex keeps text order equal to numeric order for the non-negative times Kafka records carry.
     */
    static String key(long timestamp, OrderEnvelope envelope) {
        ArticleFeatures article = envelope.article();
        long publishedMinute = Math.max(0, Math.round(article.day() * 24 * 60));
        return String.format("%016x", Math.max(0, timestamp)) + '\u0001' + String.format("%012x", publishedMinute)
                + '\u0001' + article.id() + '\u0001' + String.format("%08x%016x", envelope.partition(),
                envelope.offset());
    }

    static long timestampOf(String key) {
        return Long.parseUnsignedLong(key.substring(0, 16), 16);
    }

    /** A quarter of the period, at least a millisecond (the finest Kafka Streams schedules). */
    static Duration checkInterval(Duration period) {
        Duration quarter = period.dividedBy(4);
        return quarter.toMillis() < 1 ? Duration.ofMillis(1) : quarter;
    }
}
