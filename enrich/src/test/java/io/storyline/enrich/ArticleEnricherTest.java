package io.storyline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    @Test
    void combinesEntitiesDatesEventDateAndSignature() {
        String body = "A landslide buried a road near Lima on Tuesday, Peru's civil defence agency said on "
                + "Wednesday. Rescuers from the Red Cross were searching for two drivers.";
        Article article = new Article(Article.SCHEMA_VERSION, "t1", null, null, "Landslide near Lima", body,
                "2025-02-06", "article", "en", null, "hash");
        EnrichedArticle enriched = new ArticleEnricher().enrich(article);

        enriched.validate();
        assertTrue(enriched.entities().stream().anyMatch(e -> e.text().equals("Lima") && "Peru".equals(e.country())),
                enriched.entities().toString());
        assertTrue(enriched.dates().stream()
                        .anyMatch(d -> d.text().equals("Tuesday") && d.value().equals("2025-02-04")),
                enriched.dates().toString());
        assertEquals("2025-02-04", enriched.eventDate());
        assertEquals(enriched.eventDate(), enriched.eventDateEvidence().value());
        assertTrue(enriched.signature().terms().containsKey("landslide"));
    }

    private static final ArticleEnricher ENRICHER = new ArticleEnricher();

    @Test
    void aFinancialReportWithPriceRangesIsEnrichedWholeAndItsPricesAreNoDecades() {
        String body = "Shares of Harbour Freight Lines fell to the high $3.40s on Tuesday after the company cut its "
                + "forecast, and analysts in London now expect them to settle in the $4.40s by the end of the third "
                + "quarter. The stock traded in the $2.10s in the 1990s.";
        Article article = new Article(Article.SCHEMA_VERSION, "fin-1", null, null, "Harbour Freight shares slide",
                body, "2025-05-14", "feed", "en", null, "hash-fin-1");
        EnrichedArticle enriched = ENRICHER.enrich(article);

        assertNull(enriched.enrichmentErrors(), () -> String.valueOf(enriched.enrichmentErrors()));
        assertTrue(enriched.dates().stream().noneMatch(d -> d.text().contains("$") || d.text().contains("40s")),
                enriched.dates().toString());
        assertTrue(enriched.dates().stream().anyMatch(d -> d.text().contains("1990s") && d.value().equals("199")),
                enriched.dates().toString());
        assertTrue(enriched.dates().stream().anyMatch(d -> d.text().equals("Tuesday")), enriched.dates().toString());
        assertTrue(enriched.entities().stream().anyMatch(e -> e.text().equals("London")),
                enriched.entities().toString());
    }

    @Test
    void aHeadlineOnlyArticleIsEnrichedFromItsHeadlineAndSignedByItOnce() {
        String headline = "Two hurt as tram and delivery van collide in Eastgate, Leeds";
        Article article = new Article(Article.SCHEMA_VERSION, "thin-1", "https://wire.example/tram", "wire.example",
                headline, headline, "2025-06-02", "feed", "en", null, "hash-thin-1", Article.TEXT_HEADLINE);
        EnrichedArticle enriched = ENRICHER.enrich(article);

        assertNull(enriched.enrichmentErrors());
        assertTrue(enriched.entities().stream().anyMatch(e -> e.text().equals("Leeds")), enriched.entities().toString());
        assertEquals(1, enriched.signature().terms().get("tram"), "the headline is counted once, not as title and body");
        assertEquals("", enriched.signature().minhash(), "a headline alone never makes its article a reprint");
        assertEquals("2025-06-02", enriched.eventDate(), "no date in the text: the publication date");
        assertFalse(enriched.signature().terms().isEmpty());
    }
}
