package io.storyline.common.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Signature;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.json.Json;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key facts on the enriched article, the incident and the FACTS_CHANGED event, and records written before them. */
class KeyFactsJsonTest {

    private static final Article ARTICLE = new Article(1, "a1", null, "example.org", "Quake", "Body.", "2024-03-02",
            "article", "en", Instant.parse("2024-03-02T10:00:00Z"), "h1");
    private static final KeyFacts FACTS = new KeyFacts(3, null, "2024-03-01",
            new KeyFacts.Place("Tottori", null, "Japan"),
            List.of(new KeyFacts.Evidence(KeyFacts.KILLED, "3", "Three people were killed.", "a1")));

    @Test
    void enrichedArticleCarriesFactsWithExplicitNulls() throws Exception {
        EnrichedArticle enriched = new EnrichedArticle(ARTICLE, List.of(), List.of(), "2024-03-01", null,
                new Signature("00", Map.of(), ""), null, null, FACTS);
        byte[] bytes = Topics.ENRICHED_SERDE.toBytes(enriched);
        JsonNode facts = Json.mapper().readTree(bytes).get("facts");
        assertEquals(3, facts.get("killed").asInt());
        assertTrue(facts.has("injured") && facts.get("injured").isNull(), "unknown is written as null");
        assertTrue(facts.get("place").get("region").isNull());
        assertEquals("killed", facts.get("evidence").get(0).get("fact").asText());
        assertEquals("a1", facts.get("evidence").get(0).get("article_id").asText());
        assertEquals(enriched, Topics.ENRICHED_SERDE.fromBytes(bytes));
    }

    @Test
    void recordsWrittenBeforeFactsStillRead() {
        String enriched = "{\"schema_version\":1,\"id\":\"a1\",\"body\":\"b\",\"content_hash\":\"h\",\"entities\":[],"
                + "\"dates\":[],\"signature\":{\"simhash\":\"00\"}}";
        assertNull(Topics.ENRICHED_SERDE.fromBytes(enriched.getBytes(StandardCharsets.UTF_8)).facts());
        String incident = "{\"schema_version\":1,\"incident_id\":\"inc-1\",\"article_count\":1,\"source_count\":1,"
                + "\"article_ids\":[\"a1\"]}";
        assertNull(Topics.INCIDENT_SERDE.fromBytes(incident.getBytes(StandardCharsets.UTF_8)).keyFacts());
    }

    @Test
    void incidentAndEventCarryKeyFacts() throws Exception {
        Incident incident = new Incident(1, "inc-1", "Quake", Instant.EPOCH, Instant.EPOCH, "2024-03-01", 1, 1,
                List.of("example.org"), List.of("a1"), List.of(), List.of(), List.of(), List.of(), "OPEN", null, FACTS);
        byte[] bytes = Topics.INCIDENT_SERDE.toBytes(incident);
        assertEquals("Tottori", Json.mapper().readTree(bytes).get("key_facts").get("place").get("city").asText());
        assertEquals(incident, Topics.INCIDENT_SERDE.fromBytes(bytes));

        IncidentEvent event = new IncidentEvent(1, IncidentEventType.FACTS_CHANGED, "inc-1", "a2", Instant.EPOCH,
                "Quake", "example.org", null, null, 2, 1, null, FACTS.withoutEvidence(),
                new KeyFacts(2, null, "2024-03-01", null, List.of()));
        JsonNode tree = Json.mapper().readTree(Topics.INCIDENT_EVENT_SERDE.toBytes(event));
        assertEquals(3, tree.get("key_facts").get("killed").asInt());
        assertEquals(2, tree.get("previous_key_facts").get("killed").asInt());
    }
}
