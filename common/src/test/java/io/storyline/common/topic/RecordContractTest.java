package io.storyline.common.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.storyline.common.alert.Alert;
import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.EnrichmentError;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.common.article.Signature;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.facts.KeyFacts;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.json.Json;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.testing.RecordContracts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The published schemas and AsyncAPI document against the records the code writes and the topic registry. */
class RecordContractTest {

    static final List<String> SCHEMA_FILES = List.of("raw-article.schema.json", "article.schema.json",
            "enriched-article.schema.json", "incident.schema.json", "incident-event.schema.json", "alert.schema.json",
            "dead-letter-headers.schema.json", "progress-mark.schema.json");

    static final Article ARTICLE = new Article(1, "a1", "https://example.org/a1", "example.org", "Title",
            "Body text.", "2024-11-21", "article", "en", Instant.parse("2024-11-21T10:00:00Z"), "h1");
    static final Incident INCIDENT = new Incident(1, "inc-1", "Fire at the port", Instant.parse("2024-11-21T10:00:00Z"),
            Instant.parse("2024-11-21T11:00:00Z"), "2024-11-21", 2, 2, List.of("a.example", "b.example"),
            List.of("a1", "a2"), List.of(new Incident.Duplicate("a3", "a1")),
            List.of(new Incident.RankedEntity("Antwerp", "LOCATION", 2)),
            List.of(new Incident.RankedEntity("Antwerp", "LOCATION", 2)), List.of(new Incident.DateCount("2024-11-21", 2)),
            "OPEN", null);
    static final IncidentEvent EVENT = new IncidentEvent(1, "CORROBORATED", "inc-1", "a2",
            Instant.parse("2024-11-21T11:00:00Z"), "Fire at the port", "b.example", null, null, 2, 2);

    private static List<String> violations(String topicKey, Object record) {
        return RecordContracts.violations(topicKey, new RecordHeaders(), bytes(record));
    }

    private static byte[] bytes(Object record) {
        try {
            return Json.mapper().writeValueAsBytes(record);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode tree(Object record) {
        return Json.mapper().valueToTree(record);
    }

    @Test
    void everySchemaIsValidJsonSchema202012() throws Exception {
        var meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String file : SCHEMA_FILES) {
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream("/schemas/" + file)) {
                schema = Json.mapper().readTree(in);
            }
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText(), file);
            assertEquals(List.of(), meta.validate(schema), file);
            RecordContracts.schema(file);
        }
    }

    @Test
    void theRecordsTheServicesWriteKeepTheContract() {
        assertEquals(List.of(), violations("articles", ARTICLE));
        EnrichedArticle enriched = new EnrichedArticle(ARTICLE,
                List.of(new Entity("Antwerp", "LOCATION", "Antwerp", 0, 7, "CITY", "Belgium")),
                List.of(new DateMention("Thursday", 10, 18, "2024-11-21", "DATE")), "2024-11-21",
                new EventDate("2024-11-21", "DATE_MENTION", "Thursday", 10),
                new Signature("00ff00ff00ff00ff", Map.of("fire", 2), "0123abcd".repeat(64)));
        assertEquals(List.of(), violations("enriched", enriched));
        assertEquals(List.of(), violations("incidents", INCIDENT));
        assertEquals(List.of(), violations("incident.events", EVENT));
        Alert alert = new Alert(1, "alt-" + "0".repeat(32), "port-fires", "Fires in ports", "sha256:abc", "inc-1",
                EVENT.at(), List.of("desk"), tree(EVENT), tree(INCIDENT));
        assertEquals(List.of(), violations("alerts", alert));
        Alert withoutSnapshot = new Alert(1, "alt-" + "1".repeat(32), "port-fires", null, "sha256:abc", "inc-1",
                EVENT.at(), List.of("desk"), tree(EVENT), null);
        assertEquals(List.of(), violations("alerts", withoutSnapshot));
    }

    static final KeyFacts FACTS = new KeyFacts(2, 0, "2024-11-21", new KeyFacts.Place("Antwerp", null, "Belgium"),
            List.of(new KeyFacts.Evidence(KeyFacts.KILLED, "2", "Two people died in the fire.", null),
                    new KeyFacts.Evidence(KeyFacts.INJURED, "0", "Two people died in the fire.", null,
                            KeyFacts.Evidence.INFERRED),
                    new KeyFacts.Evidence(KeyFacts.PLACE, "Antwerp, Belgium", "A fire broke out in Antwerp.", null)));

    @Test
    void theFieldsAddedSinceKeepTheContract() {
        Article headlineOnly = new Article(1, "a2", null, "b.example", "Fire at the port", "Fire at the port",
                "2024-11-21T09:30:00+01:00", "feed", "en", Instant.parse("2024-11-21T10:00:00Z"), "h2",
                Article.TEXT_HEADLINE);
        assertEquals(List.of(), violations("articles", headlineOnly));

        EnrichedArticle enriched = new EnrichedArticle(headlineOnly,
                List.of(new Entity("Antwerpen", "LOCATION", "Antwerp", 0, 9, "CITY", "Belgium", "antwerp"),
                        new Entity("Maersk", "ORGANIZATION", "Maersk", 20, 26, null, null, null)),
                List.of(), "2024-11-21", new EventDate("2024-11-21", "PUBLISHED_AT", null, -1),
                new Signature("00ff00ff00ff00ff", Map.of("fire", 1), ""), "de",
                List.of(new EnrichmentError("weapons", "the weapon lexicon failed to load")), FACTS);
        assertEquals(List.of(), violations("enriched", enriched));
        EnrichedArticle notAnalysed = new EnrichedArticle(headlineOnly, List.of(), List.of(), "2024-11-21", null,
                new Signature("00ff00ff00ff00ff", Map.of(), ""), EnrichedArticle.NOT_ANALYSED, List.of(),
                KeyFacts.none());
        assertEquals(List.of(), violations("enriched", notAnalysed));
        assertTrue(tree(KeyFacts.none()).get("killed").isNull(), "unknown figures are written as null");

        KeyFacts reconciled = new KeyFacts(2, null, "2024-11-21", new KeyFacts.Place(null, "Texas", "United States"),
                List.of(new KeyFacts.Evidence(KeyFacts.KILLED, "2", "Two died.", "a1"),
                        new KeyFacts.Evidence(KeyFacts.KILLED, "3", "Three died.", "a2")));
        Incident incident = new Incident(1, "inc-1", "Fire at the port", Instant.parse("2024-11-21T10:00:00Z"),
                Instant.parse("2024-11-21T11:00:00Z"), "2024-11-21", 2, 2, List.of("a.example", "b.example"),
                List.of("a1", "a2"), List.of(), List.of(), List.of(), List.of(), "OPEN", null, reconciled,
                List.of("en", "de"));
        assertEquals(List.of(), violations("incidents", incident));
        assertEquals(List.of(), violations("incidents", new Incident(1, "inc-2", null, incident.firstSeen(),
                incident.lastUpdated(), null, 1, 1, List.of("a.example"), List.of("a1"), List.of(), List.of(),
                List.of(), List.of(), "OPEN", null, KeyFacts.none(), null)));

        IncidentEvent factsChanged = new IncidentEvent(1, "FACTS_CHANGED", "inc-1", "a2",
                Instant.parse("2024-11-21T11:00:00Z"), "Fire at the port", "b.example", null, null, 2, 2,
                new IncidentEvent.ArticleSummary("Fire at the port", null, "2024-11-21T09:30:00+01:00"),
                reconciled.withoutEvidence(), null);
        assertEquals(List.of(), violations("incident.events", factsChanged));
        IncidentEvent changedAgain = new IncidentEvent(1, "FACTS_CHANGED", "inc-1", "a3",
                Instant.parse("2024-11-21T12:00:00Z"), "Fire at the port", "c.example", null, null, 3, 3,
                new IncidentEvent.ArticleSummary(null, "https://c.example/fire", "2024-11-21"),
                FACTS.withoutEvidence(), reconciled.withoutEvidence());
        assertEquals(List.of(), violations("incident.events", changedAgain));
        Alert alert = new Alert(1, "alt-" + "2".repeat(32), "deaths", null, "sha256:abc", "inc-1", changedAgain.at(),
                List.of("desk"), tree(changedAgain), tree(incident));
        assertEquals(List.of(), violations("alerts", alert));

        for (ProgressMark mark : List.of(ProgressMark.at(2, 6, 1732180000123L),
                ProgressMark.caughtUp(0, 1, 1732180000123L))) {
            assertEquals(List.of(), RecordContracts.schema("progress-mark.schema.json").validate(tree(mark)));
        }
        assertFalse(RecordContracts.schema("progress-mark.schema.json")
                .validate(tree(ProgressMark.at(2, 6, 1L)).put("caught_up", "no")).isEmpty());
    }

    @Test
    void theFieldsAddedSinceAreTyped() {
        ObjectNode textFigure = tree(INCIDENT);
        textFigure.set("key_facts", tree(FACTS));
        ((ObjectNode) textFigure.get("key_facts")).put("killed", "two");
        assertFalse(RecordContracts.violations("incidents", null, bytes(textFigure)).isEmpty());
        ObjectNode badDay = tree(EVENT);
        badDay.set("key_facts", tree(FACTS.withoutEvidence()));
        ((ObjectNode) badDay.get("key_facts")).put("date", "Thursday");
        assertFalse(RecordContracts.violations("incident.events", null, bytes(badDay)).isEmpty(),
                "the shared key-facts shape is checked on events too");
        ObjectNode evidenceWithoutValue = tree(new EnrichedArticle(ARTICLE, List.of(), List.of(), null, null,
                new Signature("00ff00ff00ff00ff", Map.of()), "en", null, FACTS));
        ((ObjectNode) evidenceWithoutValue.get("facts").get("evidence").get(0)).remove("value");
        assertFalse(RecordContracts.violations("enriched", null, bytes(evidenceWithoutValue)).isEmpty());
        ObjectNode errorWithoutReason = tree(new EnrichedArticle(ARTICLE, List.of(), List.of(), null, null,
                new Signature("00ff00ff00ff00ff", Map.of()), "en", List.of(new EnrichmentError("names", "x")), null));
        ((ObjectNode) errorWithoutReason.get("enrichment_errors").get(0)).remove("reason");
        assertFalse(RecordContracts.violations("enriched", null, bytes(errorWithoutReason)).isEmpty());
        ObjectNode numberKey = tree(new EnrichedArticle(ARTICLE,
                List.of(new Entity("Antwerp", "LOCATION", "Antwerp", 0, 7, "CITY", "Belgium", "antwerp")), List.of(),
                null, null, new Signature("00ff00ff00ff00ff", Map.of())));
        ((ObjectNode) numberKey.get("entities").get(0)).put("key", 7);
        assertFalse(RecordContracts.violations("enriched", null, bytes(numberKey)).isEmpty());
        ObjectNode languageList = tree(INCIDENT);
        languageList.put("languages", "en");
        assertFalse(RecordContracts.violations("incidents", null, bytes(languageList)).isEmpty());
        ObjectNode badPublication = tree(EVENT);
        badPublication.putObject("article").put("title", "t").put("published_at", "Thursday morning");
        assertFalse(RecordContracts.violations("incident.events", null, bytes(badPublication)).isEmpty());
    }

    @Test
    void fieldsAddedLaterPassAndWhatExistsIsRequiredAndTyped() {
        ObjectNode incident = tree(INCIDENT);
        incident.putObject("severity").put("level", 3);
        assertEquals(List.of(), RecordContracts.violations("incidents", null, bytes(incident)),
                "readers ignore unknown fields, so the schema allows them");

        ObjectNode noBody = tree(ARTICLE);
        noBody.remove("body");
        assertFalse(RecordContracts.violations("articles", null, bytes(noBody)).isEmpty());
        ObjectNode textCount = tree(INCIDENT);
        textCount.put("article_count", "two");
        assertFalse(RecordContracts.violations("incidents", null, bytes(textCount)).isEmpty());
        ObjectNode badTime = tree(EVENT);
        badTime.put("at", "yesterday");
        assertFalse(RecordContracts.violations("incident.events", null, bytes(badTime)).isEmpty(),
                "date-time formats are asserted");
        ObjectNode alertWithBadEvent = tree(new Alert(1, "alt-" + "0".repeat(32), "r", null, "v", "inc-1", EVENT.at(),
                List.of(), tree(EVENT), null));
        ((ObjectNode) alertWithBadEvent.get("event")).remove("type");
        assertFalse(RecordContracts.violations("alerts", null, bytes(alertWithBadEvent)).isEmpty(),
                "the alert's event is checked against the event schema");
        AssertionError failure = assertThrows(AssertionError.class,
                () -> RecordContracts.check("incidents", new RecordHeaders(), bytes(textCount)));
        assertTrue(failure.getMessage().contains("article_count"), failure.getMessage());
    }

    @Test
    void rawJsonArticlesNeedAHeadlineOrTextUnderOneOfTheNamesIngestReads() {
        String object = "{\"title\":\"t\",\"body\":\"Text.\",\"published_at\":\"2024-11-21\"}";
        String cmsNames = "{\"headline\":\"t\",\"content\":\"Text.\",\"publishedAt\":\"2024-11-21T10:00:00Z\"}";
        String array = "[" + object + "," + cmsNames + "]";
        String titleOnly = "{\"title\":\"Fire at the port\"}";
        String headlineOnly = "{\"headline\":\"Fire at the port\",\"body\":\"\"}";
        String description = "{\"title\":null,\"description\":\"A fire broke out.\",\"url\":\"https://a.example/1\"}";
        String summary = "{\"summary\":\"A fire broke out.\"}";
        for (String valid : List.of(object, cmsNames, array, titleOnly, headlineOnly, description, summary)) {
            assertEquals(List.of(), RecordContracts.violations("raw", null, valid.getBytes(StandardCharsets.UTF_8)),
                    valid);
        }
        for (String invalid : List.of("{\"url\":\"https://a.example/no-text\"}", "{\"title\":\"  \"}",
                "{\"body\":\"   \"}", "{\"title\":\"t\",\"content\":5}", "[]")) {
            assertFalse(RecordContracts.violations("raw", null, invalid.getBytes(StandardCharsets.UTF_8)).isEmpty(),
                    invalid);
        }
        assertEquals(List.of(), RecordContracts.violations("raw", null,
                "date 2024-11-21 Pasted text has no schema.".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deadLetterHeadersAndSkippedRecords() {
        Headers letter = DeadLetterHeaders.of("ingest", "body-missing", "the article has no body", "news.raw", 2, 41);
        assertEquals(List.of(), RecordContracts.violations("dlq", letter, new byte[] {1, 2}));
        Headers noReason = new RecordHeaders();
        noReason.add(DeadLetterHeaders.SERVICE, "ingest".getBytes(StandardCharsets.UTF_8));
        assertFalse(RecordContracts.violations("dlq", noReason, new byte[0]).isEmpty());

        Headers progress = new RecordHeaders();
        progress.add(RecordContracts.PROGRESS_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), RecordContracts.violations("articles", progress, "{}".getBytes(StandardCharsets.UTF_8)),
                "progress marks are no article");
        assertEquals(List.of(), RecordContracts.violations("incidents", new RecordHeaders(), null), "tombstones");
    }

    @Test
    void theAsyncApiDocumentHasAChannelForEveryTopicAndItsReferencesResolve() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/schemas/asyncapi.yaml")) {
            doc = new YAMLMapper().readTree(in);
        }
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        Set<String> addresses = new TreeSet<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        Set<String> registry = new TreeSet<>();
        Topics.defaults().all().forEach(topic -> registry.add(topic.name()));
        assertEquals(registry, addresses, "one channel per topic of the registry");

        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        Set<String> filesReferenced = new TreeSet<>();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
            } else {
                assertTrue(SCHEMA_FILES.contains(ref), "a reference to a file that is not published: " + ref);
                filesReferenced.add(ref);
            }
        }
        assertEquals(new TreeSet<>(SCHEMA_FILES), filesReferenced, "every published schema is used by a message");
        doc.get("operations").fields().forEachRemaining(operation -> assertFalse(doc.at(
                operation.getValue().get("channel").get("$ref").asText().substring(1)).isMissingNode()));
        for (Topic<?, ?> topic : Topics.defaults().all()) {
            String schema = RecordContracts.valueSchemaOf(topic.key());
            if (schema != null) {
                assertTrue(refs.contains(schema), topic.name() + "'s schema is in the document");
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collectRefs(children.next(), refs);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
