package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ordering stage in the single clustering task: buffers articles from every input partition and releases
 * them in (record time, article id) order, an article only once every input partition has delivered something
 * later or gone idle. Articles from several partitions reach this task in whatever interleaving the upstream
 * tasks and instances happen to produce; released in this order, they cluster the same way at any number of
 * instances. A partition that neither advances nor goes idle (its task is moving between instances, say) holds
 * the others back for at most {@code maxWait}.
 */
public final class ReleaseInOrder implements Processor<String, OrderEnvelope, String, ArticleFeatures> {

    private final OrderingStores stores;
    private final int inputPartitions;
    private final Duration maxWait;
    private ProcessorContext<String, ArticleFeatures> context;
    private KeyValueStore<String, OrderEnvelope> buffer;
    private KeyValueStore<Integer, Watermark> watermarks;

    public ReleaseInOrder(OrderingStores stores, int inputPartitions, Duration maxWait) {
        this.stores = stores;
        this.inputPartitions = inputPartitions;
        this.maxWait = maxWait;
    }

    @Override
    public void init(ProcessorContext<String, ArticleFeatures> context) {
        this.context = context;
        this.buffer = context.getStateStore(stores.buffer());
        this.watermarks = context.getStateStore(stores.watermarks());
        context.schedule(checkInterval(maxWait), PunctuationType.WALL_CLOCK_TIME, now -> release());
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
            buffer.put(key(record.timestamp(), envelope), envelope.arrived(context.currentSystemTimeMs()));
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
            boolean waitedEnough = context.currentSystemTimeMs() - head.value.arrivedAt() >= maxWait.toMillis();
            if (!waitedEnough && !everyPartitionPassed(timestamp)) {
                return;
            }
            buffer.delete(head.key);
            ArticleFeatures article = head.value.article();
            context.forward(new Record<>(article.id(), article, timestamp));
        }
    }

    private boolean everyPartitionPassed(long timestamp) {
        for (int partition = 0; partition < inputPartitions; partition++) {
            Watermark watermark = watermarks.get(partition);
            if (watermark == null || !watermark.passed(timestamp)) {
                return false;
            }
        }
        // Partitions added to the input topic after start-up are held to the same rule once they have spoken.
        try (KeyValueIterator<Integer, Watermark> all = watermarks.range(inputPartitions, Integer.MAX_VALUE)) {
            while (all.hasNext()) {
                if (!all.next().value.passed(timestamp)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sorts by record time, then article id, then where it came from: fixed-width hex keeps text order equal to
     * numeric order for the non-negative times Kafka records carry.
     */
    static String key(long timestamp, OrderEnvelope envelope) {
        return String.format("%016x", Math.max(0, timestamp)) + '\u0001' + envelope.article().id() + '\u0001'
                + String.format("%08x%016x", envelope.partition(), envelope.offset());
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
