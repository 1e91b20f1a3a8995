package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.enrich.entities.EntityExtractor;
import io.storyline.enrich.signature.SignatureBuilder;
import java.util.List;

/**
 * The enricher the service and the offline commands run: entities from the body, and the signature of title and
 * body. Building one takes a few seconds the first time in a process (CoreNLP's models load once and are shared);
 * each instance keeps its own tokeniser, so build one per thread and never share it.
 */
public final class ArticleEnricher implements Enricher {

    private final EntityExtractor entities = new EntityExtractor();
    private final SignatureBuilder signatures = new SignatureBuilder();

    @Override
    public EnrichedArticle enrich(Article article) {
        List<Entity> found = entities.extract(article.body());
        // Dates and the event date come from the dates extractor, wired in once it lands.
        return new EnrichedArticle(article, found, List.of(), null, null,
                signatures.build(article.title(), article.body()));
    }
}
