package io.storyline.enrich;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.enrich.dates.ArticleDates;
import io.storyline.enrich.dates.DateExtractor;
import io.storyline.enrich.entities.EntityExtractor;
import io.storyline.enrich.language.EnrichLanguages;
import io.storyline.enrich.language.Language;
import io.storyline.enrich.signature.SignatureBuilder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The enricher the service and the offline commands run: entities and dates from the body, read by the pipeline of
 * the article's language, the event date, and the signature of title and body. An article in a language the
 * deployment does not read keeps only what needs no language (signature, event date from its publication) and is
 * marked {@value EnrichedArticle#NOT_ANALYSED}. A language's pipeline is built at its first article (CoreNLP's
 * models load once per process and are shared); each instance keeps its own tokenisers, so build one per thread
 * and never share it.
 */
public final class ArticleEnricher implements Enricher {

    private final EnrichLanguages languages;
    private final Map<Language, EntityExtractor> entities = new EnumMap<>(Language.class);
    private final Map<Language, DateExtractor> dates = new EnumMap<>(Language.class);
    private final SignatureBuilder signatures = new SignatureBuilder();

    /** Reads every language whose models are on the classpath. */
    public ArticleEnricher() {
        this(EnrichLanguages.available());
    }

    public ArticleEnricher(EnrichLanguages languages) {
        this.languages = languages;
    }

    @Override
    public EnrichedArticle enrich(Article article) {
        Language language = languages.readAs(article.language());
        if (language == null) {
            ArticleDates undated = DateExtractor.undated(article);
            return new EnrichedArticle(article, List.of(), List.of(), undated.eventDate().value(), undated.eventDate(),
                    signatures.build(article.title(), article.body()), EnrichedArticle.NOT_ANALYSED);
        }
        List<Entity> found = entities.computeIfAbsent(language, EntityExtractor::new).extract(article.body());
        ArticleDates dated = dates.computeIfAbsent(language, DateExtractor::new).extract(article);
        EventDate event = dated.eventDate();
        return new EnrichedArticle(article, found, dated.mentions(), event == null ? null : event.value(), event,
                signatures.build(article.title(), article.body()), language.code());
    }
}
