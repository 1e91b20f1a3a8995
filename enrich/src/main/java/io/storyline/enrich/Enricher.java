package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;

/**
 * Turns one article into its enriched form. Implementations are not required to be thread-safe: the enrich
 * service keeps one per stream thread, built once at start-up.
 */
public interface Enricher {

    EnrichedArticle enrich(Article article);
}
