package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.common.article.Signature;
import io.storyline.enrich.dates.ArticleDates;
import io.storyline.enrich.dates.DateExtractor;
import io.storyline.enrich.entities.EntityExtractor;
import io.storyline.enrich.signature.SignatureBuilder;
import io.storyline.enrich.steps.Steps;
import java.util.List;
import java.util.Map;

/**
 * The enricher the service and the offline commands run: entities and dates from the body, the event date, and
 * the signature of title and body. Building one takes a few seconds the first time in a process (CoreNLP's models
 * load once and are shared); each instance keeps its own tokeniser, so build one per thread and never share it.
 *
 * <p>Every step runs through {@link Steps}: a step that fails on an article leaves its part empty and is named in
 * the record's {@code enrichment_errors}; the article always comes out enriched by the others. An article whose
 * body is only its headline ({@code text_origin: headline}) is signed by the headline once, and without the
 * reprint fingerprints: a copied headline says too little to call an article a reprint.
 */
public final class ArticleEnricher implements Enricher {

    /** The signature of an article whose signature step failed: no terms, no fingerprints. */
    static final Signature NO_SIGNATURE = new Signature("0000000000000000", Map.of(), "");

    private final EntityExtractor entities = new EntityExtractor();
    private final DateExtractor dates = new DateExtractor();
    private final SignatureBuilder signatures = new SignatureBuilder();

    @Override
    public EnrichedArticle enrich(Article article) {
        Steps steps = Steps.of(article.id());
        String body = article.body() == null ? "" : article.body();
        List<Entity> found = entities.extract(body, steps);
        ArticleDates dated = dates.extract(article, steps);
        EventDate event = dated.eventDate();
        Signature signature = steps.run(Steps.SIGNATURE, NO_SIGNATURE,
                () -> signatures.build(article.title(), article.headlineOnly() ? "" : body));
        return new EnrichedArticle(article, found, dated.mentions(), event == null ? null : event.value(), event,
                signature, steps.errors());
    }
}
