package io.storyline.ingest.dedup;

import io.storyline.common.article.Article;
import io.storyline.common.metrics.ServiceMetrics;
import io.storyline.ingest.IngestMetrics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops exact re-sends and lets corrections through. The store remembers, per article id, every content hash
 * published under it within the retention window (a window store keeping duplicates, its segments expiring with
 * stream time), so state is bounded by what arrives in one window. An article whose hash is already there is a
 * re-send (dropped and counted); one whose id is there with other hashes is an update; anything else is new.
 * Input must be keyed by article id, so every version of an article meets the same store partition.
 */
public final class ResendFilter implements Processor<String, Article, String, Article> {

    /** The store's name; also names its changelog topic, so it must never change. */
    public static final String STORE = "ingest-seen-articles";

    private final IngestMetrics metrics;
    private final Duration retention;
    private WindowStore<String, String> seen;
    private ProcessorContext<String, Article> context;
    private ServiceMetrics serviceMetrics;

    public ResendFilter(IngestMetrics metrics, Duration retention) {
        this.metrics = metrics;
        this.retention = retention;
    }

    public static StoreBuilder<WindowStore<String, String>> store(Duration retention) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, retention, retention, true),
                Serdes.String(), Serdes.String());
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.serviceMetrics = ServiceMetrics.of(context);
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        long now = record.timestamp();
        boolean known = false;
        try (WindowStoreIterator<String> versions = seen.fetch(article.id(),
                Instant.ofEpochMilli(Math.max(0, now - retention.toMillis())), Instant.ofEpochMilli(Long.MAX_VALUE))) {
            while (versions.hasNext()) {
                known = true;
                if (versions.next().value.equals(article.contentHash())) {
                    metrics.duplicateDropped(article.id());
                    serviceMetrics.duplicate();
                    return;
                }
            }
        }
        seen.put(article.id(), article.contentHash(), now);
        if (known) {
            metrics.updated(article.id());
        } else {
            metrics.published(article.id());
        }
        context.forward(record);
    }
}
