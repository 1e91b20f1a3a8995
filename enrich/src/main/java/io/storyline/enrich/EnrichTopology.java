package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.topic.Topics;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.kstream.Named;

/**
 * news.articles → news.enriched. The enricher (an NLP pipeline, large and slow to build) is created once per
 * stream thread when the thread's first task starts, not per task and not per record. An article the enricher
 * cannot handle throws, and the runtime's dead-letter handler sends the original record to news.dlq.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, Supplier<? extends Enricher> enrichers) {
        ThreadLocal<Enricher> perThread = ThreadLocal.withInitial(enrichers);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.articles().name(), topics.articles().consumed().withName("articles"))
                .processValues(() -> new Enrich(perThread), Named.as("enrich"))
                .to(topics.enriched().name(), topics.enriched().produced().withName("enriched"));
        return builder.build();
    }

    private static final class Enrich implements FixedKeyProcessor<String, Article, EnrichedArticle> {
        private final ThreadLocal<Enricher> perThread;
        private FixedKeyProcessorContext<String, EnrichedArticle> context;

        Enrich(ThreadLocal<Enricher> perThread) {
            this.perThread = perThread;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
            perThread.get();
        }

        @Override
        public void process(FixedKeyRecord<String, Article> record) {
            // A tombstone (an upstream delete) carries no article to enrich; it passes on so later stages see it.
            EnrichedArticle enriched = record.value() == null ? null : perThread.get().enrich(record.value());
            context.forward(record.withValue(enriched));
        }
    }
}
