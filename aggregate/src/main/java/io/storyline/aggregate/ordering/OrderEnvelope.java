package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;

/**
 * What travels from the partitioned first stage to the single ordering stage: an article (with the input
 * partition and offset it came from), or a note that an input partition has gone idle.
 *
 * @param partition the input partition of {@code news.enriched} this comes from
 * @param offset    the article's offset there (-1 for an idle note)
 * @param idle      an idle note: the partition has delivered nothing for a while and must not hold others back
 * @param arrivedAt wall-clock time the ordering stage buffered it (0 until then)
 * @param article   the article, null for an idle note
 */
public record OrderEnvelope(int partition, long offset, boolean idle, long arrivedAt, ArticleFeatures article) {

    static OrderEnvelope article(int partition, long offset, ArticleFeatures article) {
        return new OrderEnvelope(partition, offset, false, 0, article);
    }

    static OrderEnvelope idleNote(int partition) {
        return new OrderEnvelope(partition, -1, true, 0, null);
    }

    OrderEnvelope arrived(long wallClock) {
        return new OrderEnvelope(partition, offset, idle, wallClock, article);
    }
}
