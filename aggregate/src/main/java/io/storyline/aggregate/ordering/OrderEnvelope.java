package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;

/**
 * An article on its way from the partitioned first stage to the single ordering stage, with the input partition
 * and offset it came from (the last tie-breakers of the clustering order).
 *
 * @param partition the input partition of {@code news.enriched} it comes from
 * @param offset    the article's offset there
 * @param arrivedAt wall-clock time the ordering stage buffered it (0 until then), for the optional maximum wait
 * @param article   the article; null only in an idle note of a version before progress marks, which is skipped
 */
public record OrderEnvelope(int partition, long offset, long arrivedAt, ArticleFeatures article) {

    static OrderEnvelope article(int partition, long offset, ArticleFeatures article) {
        return new OrderEnvelope(partition, offset, 0, article);
    }

    OrderEnvelope arrived(long wallClock) {
        return new OrderEnvelope(partition, offset, wallClock, article);
    }
}
