package io.storyline.aggregate.clustering;

import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.deadletter.RejectedRecordException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reduces each enriched article to its {@link ArticleFeatures}, where the input is still the original record, so
 * an article that cannot be read is dead-lettered with its own bytes.
 */
public final class FeatureExtraction implements FixedKeyProcessor<String, EnrichedArticle, ArticleFeatures> {

    private FixedKeyProcessorContext<String, ArticleFeatures> context;

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleFeatures> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        ArticleFeatures features;
        try {
            features = ArticleFeatures.of(record.value(), record.timestamp());
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException("signature-invalid",
                    "the article's signature cannot be read: " + e.getMessage(), e);
        }
        context.forward(record.withValue(features));
    }
}
