package io.storyline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
