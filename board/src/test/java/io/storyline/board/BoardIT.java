package io.storyline.board;

import static io.storyline.board.SampleRecords.event;
import static io.storyline.board.SampleRecords.incident;
import static io.storyline.board.SampleRecords.json;
import static io.storyline.board.SampleRecords.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.topic.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The board on a real broker: it lists what aggregate publishes and follows it live, leads a merged incident's
 * address to its survivor, counts dead letters by reason, rebuilds itself after a restart, and leaves the
 * cluster as it found it (no topic, no consumer group, no record of its own).
 */
class BoardIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestTopics names;
    private static Admin admin;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void topics() throws Exception {
        names = TestTopics.unique("board");
        admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()));
        List<NewTopic> created = new ArrayList<>();
        for (Topic<?, ?> topic : List.of(names.topics().incidents(), names.topics().incidentEvents(),
                names.topics().dlq())) {
            created.add(new NewTopic(topic.name(), 2, (short) 1).configs(topic.configs()));
        }
        admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
        admin.close();
    }

    private static StorylineConfig config() {
        return names.config(Map.of("storyline.http.port", "0"));
    }

    private static void publish(Topic<?, ?> topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(Board board, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + board.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Incident fire(String id, List<String> articles, List<String> sources) {
        return incident(id, "Warehouse fire closes the Quillmoor ring road", Instant.now(), articles, sources,
                List.of(), List.of(name("Quillmoor", "LOCATION"), name("Oda Brenning", "PERSON")));
    }

    @Test
    void followsTheOutputTopicsLiveAndRebuildsAfterARestart() throws Exception {
        Set<String> topicsBefore = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        Set<String> groupsBefore = groups();
        String fire = "inc-fire-" + System.nanoTime();
        String echo = "inc-echo-" + System.nanoTime();
        publish(names.topics().incidentEvents(), fire, json(event(IncidentEventType.OPENED, fire, "fire-1",
                Instant.now(), "quillmoor-courier.example", "Warehouse fire closes the Quillmoor ring road", null,
                null, 1)));
        publish(names.topics().incidents(), fire, json(fire(fire, List.of("fire-1"), List.of("quillmoor-courier"
                + ".example")), n -> { }));

        try (Board board = Board.start(config())) {
            try (LiveEvents live = new LiveEvents("http://localhost:" + board.port() + "/api/live?q=quillmoor")) {
                assertEquals(1, live.awaitRow(fire, row -> true).get("source_count").asInt());

                publish(names.topics().incidentEvents(), fire, json(event(IncidentEventType.ARTICLE_ADDED, fire,
                        "fire-2", Instant.now(), "ringroad-radio.example", "Ring road shut after warehouse blaze",
                        null, null, 2)));
                publish(names.topics().incidents(), fire, json(fire(fire, List.of("fire-1", "fire-2"),
                        List.of("quillmoor-courier.example", "ringroad-radio.example")), n -> { }));
                JsonNode row = live.awaitRow(fire, r -> r.get("source_count").asInt() == 2);
                assertTrue(row.get("board").get("corroborated").asBoolean(), "two sources corroborate");

                // A second incident about the same fire, merged into the first by aggregate.
                publish(names.topics().incidentEvents(), echo, json(event(IncidentEventType.OPENED, echo, "echo-1",
                        Instant.now(), "harbour-weekly.example", "Smoke over Quillmoor", null, null, 1)));
                publish(names.topics().incidents(), echo, json(fire(echo, List.of("echo-1"),
                        List.of("harbour-weekly.example")), n -> { }));
                live.awaitRow(echo, r -> true);
                Incident merged = fire(echo, List.of("echo-1"), List.of("harbour-weekly.example"));
                publish(names.topics().incidentEvents(), echo, json(event(IncidentEventType.MERGED, echo, "fire-3",
                        Instant.now(), "ringroad-radio.example", "Quillmoor fire out", null, fire, 3)));
                publish(names.topics().incidents(), echo, json(new Incident(merged.schemaVersion(), echo,
                        merged.title(), merged.firstSeen(), merged.lastUpdated(), merged.eventDate(), 1, 1,
                        merged.sources(), merged.articleIds(), List.of(), merged.entities(), merged.locations(),
                        merged.dates(), "MERGED", fire)));
                publish(names.topics().incidents(), echo, null);
                JsonNode removed = live.await(e -> e.name().equals("remove")
                        && e.data().get("incident_id").asText().equals(echo)).data();
                assertEquals(fire, removed.get("merged_into").asText());
            }
            HttpResponse<String> redirect = get(board, "/incidents/" + echo);
            assertEquals(301, redirect.statusCode());
            assertEquals("/incidents/" + fire, redirect.headers().firstValue("Location").orElseThrow());

            JsonNode detail = Json.mapper().readTree(get(board, "/api/incidents/" + fire).body());
            List<String> members = new ArrayList<>();
            detail.get("members").forEach(m -> members.add(m.get("article_id").asText()));
            assertEquals(List.of("fire-1", "fire-2", "echo-1"), members, "the merged incident's report moved");

            assertEquals(0, Json.mapper().readTree(get(board, "/api/incidents?min_sources=3").body())
                    .get("matching").asInt());
            HttpResponse<String> mistake = get(board, "/api/incidents?min_sources=many");
            assertEquals(400, mistake.statusCode());
            assertTrue(mistake.body().contains("min_sources must be a whole number"), mistake.body());

            // A dead letter: the strip counts it by service and reason, from the headers alone.
            ProducerRecord<String, byte[]> letter = new ProducerRecord<>(names.topics().dlq().name(), "k",
                    "<html>".getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetterHeaders.SERVICE, "ingest".getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetterHeaders.REASON, "body-missing".getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get(30, TimeUnit.SECONDS);
            try (LiveEvents live = new LiveEvents("http://localhost:" + board.port() + "/api/live")) {
                JsonNode ops = live.await(e -> e.name().equals("ops") && e.data().get("dead_letters").size() > 0)
                        .data();
                assertEquals("body-missing", ops.get("dead_letters").get(0).get("reason").asText());
                assertEquals("ingest", ops.get("dead_letters").get(0).get("service").asText());
                assertTrue(ops.get("articles_per_minute").asDouble() > 0, ops.toString());
            }
        }

        try (Board restarted = Board.start(config());
             LiveEvents live = new LiveEvents("http://localhost:" + restarted.port() + "/api/live?place=quillmoor")) {
            JsonNode row = live.awaitRow(fire, r -> true);
            assertEquals(2, row.get("source_count").asInt(), "rebuilt from the compacted incidents topic");
            JsonNode detail = Json.mapper().readTree(get(restarted, "/api/incidents/" + fire).body());
            assertEquals("Ring road shut after warehouse blaze",
                    detail.get("members").get(1).get("title").asText(), "members rebuilt from the events");
            assertEquals(301, get(restarted, "/incidents/" + echo).statusCode(), "merges remembered too");
        }

        assertEquals(topicsBefore, admin.listTopics().names().get(30, TimeUnit.SECONDS), "the board creates nothing");
        assertEquals(groupsBefore, groups(), "the board joins no consumer group");
    }

    private static Set<String> groups() throws Exception {
        Set<String> ids = new java.util.TreeSet<>();
        admin.listGroups().all().get(30, TimeUnit.SECONDS).forEach(g -> ids.add(g.groupId()));
        return ids;
    }

    @Test
    void servesEverythingThePageNeedsItselfAndOnlyReads() throws Exception {
        try (Board board = Board.start(config())) {
            for (String path : List.of("/", "/assets/board.css", "/assets/shared.js", "/assets/list.js",
                    "/assets/incident.js", "/assets/favicon.svg")) {
                HttpResponse<String> page = get(board, path);
                assertEquals(200, page.statusCode(), path);
                assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
                        .startsWith("default-src 'self'"), path);
                assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), path + " loads from elsewhere");
                assertFalse(page.body().contains("@import") || page.body().contains("url(http"), path);
            }
            assertEquals(404, get(board, "/assets/../pom.xml").statusCode());
            assertEquals(404, get(board, "/incidents/no-such-incident").statusCode());
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + board.port() + "/api/incidents")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }
}
