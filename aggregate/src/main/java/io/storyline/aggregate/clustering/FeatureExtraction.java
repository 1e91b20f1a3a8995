package io.storyline.aggregate.clustering;

import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Signature;
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
        if (!MinHash.valid(record.value().signature().minhash())) {
            throw new RejectedRecordException("signature-invalid", "the article's signature has a malformed "
                    + "minhash (expected " + Signature.MINHASH_SIZE + " values of 8 hex digits)");
        }
        context.forward(record.withValue(ArticleFeatures.of(record.value(), record.timestamp())));
    }
}
