package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.InBandSerde;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.progress.ProgressPartitioner;
import io.storyline.common.progress.ProgressStage;
import io.storyline.common.topic.Topics;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * news.articles → news.enriched. The enricher (an NLP pipeline, large and slow to build) is created once per
 * stream thread when the thread's first task starts, not per task and not per record. An article the enricher
 * cannot handle throws, and the runtime's dead-letter handler sends the original record to news.dlq.
 *
 * <p>Both topics carry progress marks beside the articles: each task passes on, in order with its articles, the
 * least progress of ingest's tasks as its own ({@link ProgressStage}).
 */
public final class EnrichTopology {

    /** The progress store and processors; names the store's changelog, so it must never change. */
    static final String PROGRESS = "enrich-progress";

    private EnrichTopology() {
    }

    /**
     * @param partitionCounts how many partitions news.articles has: this stage's marks say how many tasks it has
     */
    public static Topology build(Topics topics, Supplier<? extends Enricher> enrichers,
                                 PartitionCounts partitionCounts) {
        ThreadLocal<Enricher> perThread = ThreadLocal.withInitial(enrichers);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, InBand<Article>> articles = builder.stream(topics.articles().name(),
                Consumed.with(topics.articles().keySerde(), InBandSerde.of(topics.articles().valueSerde()))
                        .withName("articles"));
        ProgressStage.around(builder, PROGRESS, articles, partitionCounts,
                        (KStream<String, Article> data) -> data.processValues(() -> new Enrich(perThread),
                                Named.as("enrich")))
                .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                                InBandSerde.of(topics.enriched().valueSerde()))
                        .withStreamPartitioner(new ProgressPartitioner<>()).withName("enriched"));
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
