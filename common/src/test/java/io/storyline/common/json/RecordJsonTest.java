package io.storyline.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.common.article.Signature;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    static final Article ARTICLE = new Article(1, "a1", "https://example.org/a1", "example.org", "Title",
            "Body text.", "2024-11-21", "article", "en", Instant.parse("2024-11-21T10:00:00Z"), "h1");

    @Test
    void enrichedArticleIsFlatSnakeCaseAndRoundTrips() throws Exception {
        EnrichedArticle enriched = new EnrichedArticle(ARTICLE,
                List.of(new Entity("Dnipro", "LOCATION", "Dnipro", 0, 6, "CITY", "Ukraine")),
                List.of(new DateMention("November 21", 10, 21, "2024-11-21", "DATE")),
                "2024-11-21", new EventDate("2024-11-21", "DATE_MENTION", "November 21", 10),
                new Signature("00ff00ff00ff00ff", Map.of("missile", 2)));

        byte[] bytes = Topics.ENRICHED_SERDE.toBytes(enriched);
        JsonNode tree = Json.mapper().readTree(bytes);
        assertEquals("a1", tree.get("id").asText(), "article fields sit at the top level");
        assertEquals(1, tree.get("schema_version").asInt());
        assertTrue(tree.has("published_at"));
        assertTrue(tree.has("event_date_evidence"));
        assertFalse(tree.has("article"));

        assertEquals(enriched, Topics.ENRICHED_SERDE.fromBytes(bytes));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"schema_version\":1,\"id\":\"a1\",\"body\":\"b\",\"content_hash\":\"h\",\"future\":{\"x\":1}}";
        Article article = Topics.ARTICLE_SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("a1", article.id());
        assertEquals(1, article.schemaVersion());
    }

    @Test
    void missingRequiredFieldIsRejectedWithItsName() {
        String json = "{\"schema_version\":1,\"id\":\"a1\",\"content_hash\":\"h\"}";
        SerializationException e = assertThrows(SerializationException.class,
                () -> Topics.ARTICLE_SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("'body'"), e.getMessage());
    }

    @Test
    void malformedJsonIsRejectedWithoutEchoingTheRecord() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> Topics.ARTICLE_SERDE.fromBytes("{\"id\": ".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not a valid Article JSON record"), e.getMessage());
    }

    @Test
    void publishedDateAcceptsDatesAndDateTimes() {
        assertEquals(LocalDate.of(2024, 11, 21), ARTICLE.publishedDate());
        Article withTime = new Article(1, "a", null, null, null, "b", "2024-11-21T23:30:00+02:00", null, null, null, "h");
        assertEquals(LocalDate.of(2024, 11, 21), withTime.publishedDate());
    }
}
