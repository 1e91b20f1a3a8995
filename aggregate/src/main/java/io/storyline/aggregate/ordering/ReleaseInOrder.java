package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.ProgressBoard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * them in (record time, publication time, article id) order, an article once its record time lies below the
 * progress of every input partition, as the partitions' progress marks report it ({@link ProgressBoard}). A
 * partition's progress says that nothing it delivers later has an earlier record time, or that it has nothing
 * left at all (its sources are caught up): it is knowledge passed down from ingest, not a guess from a timer,
 * so the articles leave in the same order on every run, at any load and any number of instances.
 *
 * <p>An article that arrives below one already released (late data of a live feed: a source partition that was
 * caught up received an older record) is clustered at once and counted in {@code late-arrivals-total}.
 *
 * <p>Optionally ({@code maxWait}, off by default) an article leaves once it has waited that long whatever the
 * progress: a valve for an upstream that has stopped for good, which gives up the same-order guarantee whenever it
 * opens. Without it, an article waiting more than a minute is logged with the partitions it waits for.
 */
public final class ReleaseInOrder implements Processor<String, InBand<OrderEnvelope>, String, ArticleFeatures> {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseInOrder.class);
    static final String METRIC_SCOPE = "storyline-order";
    static final String LATE_ARRIVALS = "late-arrivals";
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration WAIT_WARNING = Duration.ofMinutes(1);

    private final OrderingStores stores;
    private final Duration maxWait;
    private ProcessorContext<String, ArticleFeatures> context;
    private KeyValueStore<String, OrderEnvelope> buffer;
    private ProgressBoard progress;
    /** The key of the article released last in this task's lifetime: anything arriving below it is late. */
    private String lastReleased;
    private long lastWaitWarning;
    private Sensor lateArrivals;

    /** @param maxWait longest an article waits whatever the progress; zero for no limit (the default) */
    public ReleaseInOrder(OrderingStores stores, Duration maxWait) {
        this.stores = stores;
        this.maxWait = maxWait;
    }

    @Override
    public void init(ProcessorContext<String, ArticleFeatures> context) {
        this.context = context;
        this.buffer = context.getStateStore(stores.buffer());
        this.progress = ProgressBoard.open(context, stores.progress());
        this.lateArrivals = context.metrics().addRateTotalSensor(METRIC_SCOPE, context.taskId().toString(),
                LATE_ARRIVALS, Sensor.RecordingLevel.INFO);
        this.lastWaitWarning = context.currentSystemTimeMs();
        context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::check);
    }

    @Override
    public void process(Record<String, InBand<OrderEnvelope>> record) {
        if (record.value() instanceof InBand.Mark<OrderEnvelope> mark) {
            progress.update(mark.mark());
            release(Long.MIN_VALUE);
            return;
        }
        OrderEnvelope envelope = InBand.value(record.value());
        if (envelope == null || envelope.article() == null) {
            return;  // a tombstone, or an idle note an older version left on the topic
        }
        String key = key(record.timestamp(), envelope);
        if (lastReleased != null && key.compareTo(lastReleased) < 0) {
            lateArrivals.record();
            LOG.warn("article {} from partition {} of the input arrived {} ms of record time behind an article "
                    + "already clustered (a source partition that was caught up received older data); it is "
                    + "clustered now, out of order", envelope.article().id(), envelope.partition(),
                    timestampOf(lastReleased) - record.timestamp());
            forward(key, envelope);
            return;
        }
        buffer.put(key, envelope.arrived(context.currentSystemTimeMs()));
        release(Long.MIN_VALUE);
    }

    /**
     * Releases, in key order, the buffered articles below the input's progress, and (the valve) those at the head
     * of the buffer that arrived at or before {@code waitedSince}.
     */
    private void release(long waitedSince) {
        long bound = progress.bound();
        List<KeyValue<String, OrderEnvelope>> due = new ArrayList<>();
        try (KeyValueIterator<String, OrderEnvelope> entries = buffer.all()) {
            while (entries.hasNext()) {
                KeyValue<String, OrderEnvelope> head = entries.next();
                if (timestampOf(head.key) >= bound && head.value.arrivedAt() > waitedSince) {
                    break;
                }
                due.add(head);
            }
        }
        for (KeyValue<String, OrderEnvelope> entry : due) {
            buffer.delete(entry.key);
            forward(entry.key, entry.value);
        }
    }

    private void forward(String key, OrderEnvelope envelope) {
        if (lastReleased == null || key.compareTo(lastReleased) > 0) {
            lastReleased = key;
        }
        ArticleFeatures article = envelope.article();
        context.forward(new Record<>(article.id(), article, timestampOf(key)));
    }

    private void check(long now) {
        if (!maxWait.isZero()) {
            release(now - maxWait.toMillis());
        }
        if (now - lastWaitWarning < WAIT_WARNING.toMillis()) {
            return;
        }
        try (KeyValueIterator<String, OrderEnvelope> entries = buffer.all()) {
            if (entries.hasNext()) {
                KeyValue<String, OrderEnvelope> head = entries.next();
                if (now - head.value.arrivedAt() >= WAIT_WARNING.toMillis()) {
                    lastWaitWarning = now;
                    LOG.warn("article {} has waited {} s to be clustered: the input partitions have not all passed "
                            + "its record time ({})", head.value.article().id(), (now - head.value.arrivedAt()) / 1000,
                            progress.describe());
                }
            }
        }
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
}
