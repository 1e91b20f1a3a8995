package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.enrich.dates.ArticleDates;
import io.storyline.enrich.dates.DateExtractor;
import io.storyline.enrich.entities.EntityExtractor;
import io.storyline.enrich.facts.FactExtractor;
import io.storyline.enrich.signature.SignatureBuilder;
import java.util.List;

/**
 * The enricher the service and the offline commands run: entities and dates from the body, the event date, the
 * signature of title and body, and the key facts (killed, injured, place, date) read from all of them. Building
 * one takes a few seconds the first time in a process (CoreNLP's models load once and are shared); each instance
 * keeps its own tokeniser, so build one per thread and never share it.
 */
public final class ArticleEnricher implements Enricher {

    private final EntityExtractor entities = new EntityExtractor();
    private final DateExtractor dates = new DateExtractor();
    private final SignatureBuilder signatures = new SignatureBuilder();
    private final FactExtractor facts = new FactExtractor();

    @Override
    public EnrichedArticle enrich(Article article) {
        List<Entity> found = entities.extract(article.body());
        ArticleDates dated = dates.extract(article);
        EventDate event = dated.eventDate();
        return new EnrichedArticle(article, found, dated.mentions(), event == null ? null : event.value(), event,
                signatures.build(article.title(), article.body()), facts.extract(article, found, dated.mentions(), event));
    }
}
