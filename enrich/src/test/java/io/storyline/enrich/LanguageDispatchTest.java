package io.storyline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.enrich.language.EnrichLanguages;
import io.storyline.enrich.language.Language;
import org.junit.jupiter.api.Test;

/** Each article is read by its own language's pipeline, and one in another language by none. */
class LanguageDispatchTest {

    private static Article article(String language, String body) {
        return new Article(Article.SCHEMA_VERSION, "a-" + language, null, "test", null, body, "2024-11-23",
                "article", language, null, "h-" + language);
    }

    @Test
    void aGermanArticleIsReadInGerman() {
        assumeTrue(available(Language.GERMAN), "models left out of this build");
        EnrichedArticle enriched = new ArticleEnricher(EnrichLanguages.of(Language.ENGLISH, Language.GERMAN))
                .enrich(article("de", "Am Donnerstag griff Russland die Stadt Dnipro an. Präsident Wladimir Putin "
                        + "äußerte sich am Abend in Moskau."));

        enriched.validate();
        assertEquals("de", enriched.analysisLanguage());
        assertEquals("2024-11-21", enriched.eventDate());
        assertTrue(enriched.entities().stream().anyMatch(e -> "Moscow".equals(e.canonical())),
                enriched.entities().toString());
    }

    @Test
    void englishCountingRulesAreNotAppliedToAnotherLanguage() {
        assumeTrue(available(Language.GERMAN), "models left out of this build");
        EnrichedArticle enriched = new ArticleEnricher(EnrichLanguages.of(Language.ENGLISH, Language.GERMAN))
                .enrich(article("de", "Raketenangriff auf Dnipro am Donnerstag. Ein Sprecher zitierte den Bericht "
                        + "auf Englisch: \"Two people were killed and 15 injured.\""));

        assertEquals(null, enriched.facts().killed(), enriched.facts().toString());
        assertEquals(null, enriched.facts().injured(), enriched.facts().toString());
        assertEquals("2024-11-21", enriched.facts().date());
    }

    @Test
    void anArticleInALanguageNotReadKeepsOnlyWhatNeedsNoLanguage() {
        EnrichedArticle enriched = new ArticleEnricher(EnrichLanguages.of(Language.ENGLISH))
                .enrich(article("it", "Giovedì la Russia ha attaccato la città di Dnipro. Il presidente Putin ha "
                        + "parlato a Mosca."));

        enriched.validate();
        assertEquals(EnrichedArticle.NOT_ANALYSED, enriched.analysisLanguage());
        assertTrue(enriched.entities().isEmpty(), "no English rules on Italian: " + enriched.entities());
        assertTrue(enriched.dates().isEmpty(), enriched.dates().toString());
        assertEquals("2024-11-23", enriched.eventDate());
        assertTrue(enriched.signature().terms().containsKey("dnipro"));
    }

    @Test
    void aLanguageLeftOutOfTheDeploymentIsNotAnalysed() {
        EnrichedArticle enriched = new ArticleEnricher(EnrichLanguages.of(Language.ENGLISH))
                .enrich(article("de", "Am Donnerstag griff Russland die Stadt Dnipro an."));
        assertEquals(EnrichedArticle.NOT_ANALYSED, enriched.analysisLanguage());
        assertTrue(enriched.entities().isEmpty());
    }

    /** Whether this build has the language's models (a build may leave a language out). */
    private static boolean available(Language language) {
        return EnrichLanguages.available().languages().contains(language);
    }
}
