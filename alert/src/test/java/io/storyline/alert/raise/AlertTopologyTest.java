package io.storyline.alert.raise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.alert.TestRules;
import io.storyline.common.alert.Alert;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.testing.RecordContracts;
import io.storyline.common.topic.Topics;
import io.storyline.alert.AlertService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert topology on the Streams test driver: which events raise which alerts, with which snapshot. */
class AlertTopologyTest {

    static final String RULES = """
            webhooks:
              desk: {url: 'http://localhost:9/alerts', secret_file: desk.secret}
            rules:
              - id: confirmed
                when: {all: [{event: CORROBORATED}, {country: Belgium}]}
                notify: desk
              - id: big
                when: {min_sources: 3}
                notify: desk
              - id: every-fire
                when: {title_has: fire}
                notify: desk
                fire: every_event
            """;

    static final Instant T0 = Instant.parse("2024-11-21T10:00:00Z");

    @TempDir
    Path dir;

    Topics topics = Topics.defaults();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> incidents;
    TestInputTopic<String, byte[]> events;
    TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() throws Exception {
        TestRules.write(dir, RULES);
        driver = driver();
    }

    TopologyTestDriver driver() {
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092",
                "storyline.alert.rules", dir.resolve("rules.yaml").toString(), "storyline.alert.snapshot.wait", "PT10S",
                "storyline.alert.rules.check.interval", "1"));
        AlertService service = new AlertService();
        Properties props = StreamsSettings.of(service, config, topics);
        props.put("state.dir", dir.resolve("state-" + System.nanoTime()).toString());
        TopologyTestDriver created = new TopologyTestDriver(service.topology(config, topics), props, T0);
        incidents = created.createInputTopic(topics.incidents().name(), new StringSerializer(), new ByteArraySerializer());
        events = created.createInputTopic(topics.incidentEvents().name(), new StringSerializer(), new ByteArraySerializer());
        alerts = created.createOutputTopic(topics.alerts().name(), new StringDeserializer(),
                RecordContracts.checking(topics.alerts(), topics.alerts().valueSerde().deserializer()));
        return created;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static Incident incident(String id, List<String> articles, List<String> sources, String status) {
        return new Incident(1, id, "Fire at the port of Antwerp", T0, T0.plusSeconds(articles.size()), "2024-11-21",
                articles.size(), sources.size(), sources, articles, List.of(),
                List.of(new Incident.RankedEntity("Antwerp", "LOCATION", 2), new Incident.RankedEntity("Belgium",
                        "LOCATION", 1)), List.of(new Incident.RankedEntity("Antwerp", "LOCATION", 2),
                        new Incident.RankedEntity("Belgium", "LOCATION", 1)), List.of(), status, null);
    }

    static IncidentEvent event(String type, String incident, String article, int articles, int sources) {
        return new IncidentEvent(1, type, incident, article, T0.plusSeconds(articles), "Fire at the port of Antwerp",
                "s" + sources + ".example", null, null, articles, sources);
    }

    void send(Incident incident) {
        incidents.pipeInput(incident.incidentId(), Topics.INCIDENT_SERDE.toBytes(incident),
                incident.lastUpdated());
    }

    void send(IncidentEvent event) {
        events.pipeInput(event.incidentId(), Topics.INCIDENT_EVENT_SERDE.toBytes(event), event.at());
    }

    /** Three articles from three outlets: OPENED, ADDED + CORROBORATED, ADDED; records after or before events. */
    void story(boolean recordsFirst) {
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> send(event("OPENED", "inc-1", "a1", 1, 1)));
        steps.add(() -> send(incident("inc-1", List.of("a1"), List.of("s1.example"), "OPEN")));
        steps.add(() -> send(event("ARTICLE_ADDED", "inc-1", "a2", 2, 2)));
        steps.add(() -> send(event("CORROBORATED", "inc-1", "a2", 2, 2)));
        steps.add(() -> send(incident("inc-1", List.of("a1", "a2"), List.of("s1.example", "s2.example"), "OPEN")));
        steps.add(() -> send(event("ARTICLE_ADDED", "inc-1", "a3", 3, 3)));
        steps.add(() -> send(incident("inc-1", List.of("a1", "a2", "a3"), List.of("s1.example", "s2.example",
                "s3.example"), "OPEN")));
        if (recordsFirst) {
            // All records of the incident first, then the events: the other topic ran ahead.
            send(incident("inc-1", List.of("a1"), List.of("s1.example"), "OPEN"));
            send(incident("inc-1", List.of("a1", "a2"), List.of("s1.example", "s2.example"), "OPEN"));
            send(incident("inc-1", List.of("a1", "a2", "a3"), List.of("s1.example", "s2.example", "s3.example"),
                    "OPEN"));
            send(event("OPENED", "inc-1", "a1", 1, 1));
            send(event("ARTICLE_ADDED", "inc-1", "a2", 2, 2));
            send(event("CORROBORATED", "inc-1", "a2", 2, 2));
            send(event("ARTICLE_ADDED", "inc-1", "a3", 3, 3));
        } else {
            steps.forEach(Runnable::run);
        }
    }

    @Test
    void eachEventIsJudgedWithTheRecordThatShowsItsChangeWhicheverTopicIsReadFirst() {
        story(false);
        List<Alert> eventsFirst = alerts.readValuesToList();
        driver.close();
        driver = driver();
        story(true);
        List<Alert> recordsFirst = alerts.readValuesToList();

        assertEquals(eventsFirst, recordsFirst, "the same alerts, snapshots included");
        assertEquals(List.of("every-fire", "every-fire", "confirmed", "every-fire", "big", "every-fire"),
                eventsFirst.stream().map(Alert::ruleId).toList());
        Alert confirmed = eventsFirst.get(2);
        assertEquals("CORROBORATED", confirmed.event().get("type").asText());
        assertEquals(2, confirmed.incident().get("article_count").asInt(),
                "the snapshot is the incident after the event's change, not a later one");
        assertEquals(3, eventsFirst.get(4).incident().get("source_count").asInt());
        assertEquals(List.of("desk"), confirmed.webhooks());
        assertEquals(T0.plusSeconds(2), confirmed.raisedAt());
        assertTrue(confirmed.rulesVersion().startsWith("sha256:"));
    }

    @Test
    void alertIdsAreStableAcrossRunsOncePerIncidentRulesFireOnce() {
        story(false);
        List<Alert> first = alerts.readValuesToList();
        // The same events once more (a replay): once-per-incident rules stay quiet, every-event ones repeat their ids.
        send(event("CORROBORATED", "inc-1", "a2", 2, 2));
        send(event("ARTICLE_ADDED", "inc-1", "a3", 3, 3));
        List<Alert> again = alerts.readValuesToList();
        assertEquals(List.of("every-fire", "every-fire"), again.stream().map(Alert::ruleId).toList());
        assertEquals(first.get(3).alertId(), again.get(0).alertId(), "the same event, the same id");
        assertEquals(first.get(5).alertId(), again.get(1).alertId());
        assertNotEquals(first.get(0).alertId(), first.get(1).alertId(), "another event, another id");
        assertEquals(6, first.stream().map(Alert::alertId).distinct().count());

        driver.close();
        driver = driver();
        story(true);
        assertEquals(first.stream().map(Alert::alertId).toList(),
                alerts.readValuesToList().stream().map(Alert::alertId).toList(), "ids do not depend on the run");
    }

    @Test
    void anEventWhoseRecordNeverComesIsJudgedAfterTheWaitAndAClosedIncidentIsForgotten() {
        send(event("OPENED", "inc-2", "b1", 1, 1));
        assertTrue(alerts.isEmpty(), "waiting for the incident's record");
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        Alert alert = alerts.readValue();
        assertEquals("every-fire", alert.ruleId());
        assertNull(alert.incident(), "no record came: the alert says so rather than guessing");

        send(incident("inc-2", List.of("b1"), List.of("s1.example"), "CLOSED"));
        send(event("CLOSED", "inc-2", null, 1, 1));
        assertEquals("CLOSED", alerts.readValue().event().get("type").asText());
        KeyValueStore<String, IncidentTrack> tracks = driver.getKeyValueStore(AlertTopology.NAME + "incidents");
        assertNull(tracks.get("inc-2"), "a closed incident leaves the state");
        assertNull(driver.<String, Long>getKeyValueStore(AlertTopology.NAME + "waiting").get("inc-2"));
    }

    @Test
    void unreadableInputRaisesNothingAndTheServiceCarriesOn() {
        // Dead-lettered by the runtime's handler (AlertServiceIT reads the letters on a real broker).
        events.pipeInput("inc-3", "{\"schema_version\":1,\"type\":\"OPENED\"}".getBytes(StandardCharsets.UTF_8), T0);
        events.pipeInput("inc-3", "{\"schema_version\":9,\"type\":\"OPENED\",\"incident_id\":\"inc-3\"}"
                .getBytes(StandardCharsets.UTF_8), T0);
        incidents.pipeInput("inc-3", "not json".getBytes(StandardCharsets.UTF_8), T0);
        assertTrue(alerts.isEmpty());
        send(event("OPENED", "inc-3", "d1", 1, 1));
        send(incident("inc-3", List.of("d1"), List.of("s1.example"), "OPEN"));
        assertEquals("every-fire", alerts.readValue().ruleId());
    }

    @Test
    void aChangedRulesFileAppliesToTheNextEvents() throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), RULES.replace("title_has: fire", "title_has: flood"));
        driver.advanceWallClockTime(Duration.ofSeconds(6));
        send(event("OPENED", "inc-4", "c1", 1, 1));
        send(incident("inc-4", List.of("c1"), List.of("s1.example"), "OPEN"));
        assertTrue(alerts.isEmpty(), "the fire rule is gone");
    }
}
