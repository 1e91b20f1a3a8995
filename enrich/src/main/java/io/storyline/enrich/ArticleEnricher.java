package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.common.article.Signature;
import io.storyline.enrich.dates.ArticleDates;
import io.storyline.enrich.dates.DateExtractor;
import io.storyline.enrich.entities.EntityExtractor;
import io.storyline.enrich.language.EnrichLanguages;
import io.storyline.enrich.language.Language;
import io.storyline.enrich.facts.FactExtractor;
import io.storyline.enrich.signature.SignatureBuilder;
import io.storyline.enrich.steps.Steps;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The enricher the service and the offline commands run: entities and dates from the body, read by the pipeline of
 * the article's language, the event date, the signature of title and body, and the key facts (killed, injured,
 * place, date) read from all of them. An article in a language the
 * deployment does not read keeps only what needs no language (signature, event date from its publication) and is
 * marked {@value EnrichedArticle#NOT_ANALYSED}. A language's pipeline is built at its first article (CoreNLP's
 * models load once per process and are shared); each instance keeps its own tokenisers, so build one per thread
 * and never share it.
 *
 * <p>Every step runs through {@link Steps}: a step that fails on an article leaves its part empty and is named in
 * the record's {@code enrichment_errors}; the article always comes out enriched by the others. An article whose
 * body is only its headline ({@code text_origin: headline}) is signed by the headline once, and without the
 * reprint fingerprints: a copied headline says too little to call an article a reprint.
 */
public final class ArticleEnricher implements Enricher {

    /** The signature of an article whose signature step failed: no terms, no fingerprints. */
    static final Signature NO_SIGNATURE = new Signature("0000000000000000", Map.of(), "");

    private final EnrichLanguages languages;
    private final Map<Language, EntityExtractor> entities = new EnumMap<>(Language.class);
    private final Map<Language, DateExtractor> dates = new EnumMap<>(Language.class);
    private final SignatureBuilder signatures = new SignatureBuilder();
    private final FactExtractor facts = new FactExtractor();

    /** Reads every language whose models are on the classpath. */
    public ArticleEnricher() {
        this(EnrichLanguages.available());
    }

    public ArticleEnricher(EnrichLanguages languages) {
        this.languages = languages;
    }

    @Override
    public EnrichedArticle enrich(Article article) {
        Steps steps = Steps.of(article.id());
        String body = article.body() == null ? "" : article.body();
        Signature signature = steps.run(Steps.SIGNATURE, NO_SIGNATURE,
                () -> signatures.build(article.title(), article.headlineOnly() ? "" : body, article.language()));
        Language language = languages.readAs(article.language());
        if (language == null) {
            ArticleDates undated = DateExtractor.undated(article);
            return new EnrichedArticle(article, List.of(), List.of(), undated.eventDate().value(),
                    undated.eventDate(), signature, EnrichedArticle.NOT_ANALYSED, steps.errors(), null);
        }
        List<Entity> found = entities.computeIfAbsent(language, EntityExtractor::new).extract(body, steps);
        ArticleDates dated = dates.computeIfAbsent(language, DateExtractor::new).extract(article, steps);
        EventDate event = dated.eventDate();
        return new EnrichedArticle(article, found, dated.mentions(), event == null ? null : event.value(), event,
                signature, language.code(), steps.errors(),
                steps.run(Steps.FACTS, null, () -> facts.extract(article, found, dated.mentions(), event, language)));
    }
}
