package io.storyline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.alert.Alert;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.PrometheusScrape;
import io.storyline.common.testing.RecordContracts;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert service as it runs, on the real broker: incident events and records in, an alert on news.alerts and
 * at a real webhook receiver, signed; unreadable input dead-lettered; a rules file changed while it runs applies to
 * the next events; health and metrics; and every record on every topic keeps its published schema.
 */
class AlertServiceIT {

    static final String RULES = """
            webhooks:
              desk: {url: '%s', secret_file: desk.secret}
            rules:
              - id: port-fires
                description: Fires at ports, once two outlets report them
                when: {all: [{title_has: fire}, {min_sources: 2}]}
                notify: desk
            """;
    /** Now: records years old would fall to the topics' time-based retention before the service reads them. */
    static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    @Test
    void alertsAreRaisedDeliveredSignedAndTheRulesFollowTheirFile() throws Exception {
        TestTopics test = TestTopics.unique("alert-service");
        Topics topics = test.topics();
        try (ScriptedReceiver desk = new ScriptedReceiver(Map.of("/desk", n -> ScriptedReceiver.Answer.OK),
                TestRules.SECRET.getBytes(StandardCharsets.UTF_8), Duration.ZERO)) {
            Path rules = TestRules.write(dir, RULES.formatted(desk.url("/desk")));
            StorylineConfig config = test.config(Map.of(AlertSettings.RULES, rules.toString(),
                    "storyline.alert.rules.check.interval", "PT0.2S", HttpEndpoints.PORT, "0",
                    StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString()));
            try (ServiceRuntime runtime = ServiceRuntime.start(new AlertService(), config)) {
                publish(topics, "inc-1", "Fire at the port of Antwerp", 2);
                publish(topics, "inc-2", "Rail strike halts trains", 2);
                try (KafkaProducer<String, byte[]> producer = producer()) {
                    producer.send(new ProducerRecord<>(topics.incidentEvents().name(), "inc-9",
                            "{\"schema_version\":1,\"type\":\"OPENED\"}".getBytes(StandardCharsets.UTF_8)));
                }

                Alert raised;
                try (TopicReader<String, byte[]> reader = new TopicReader<>(topics.alerts().name(),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
                    ConsumerRecord<String, byte[]> onTopic = reader.readAtLeast(1).get(0);
                    assertEquals("inc-1", onTopic.key());
                    raised = Topics.ALERT_SERDE.fromBytes(onTopic.value());
                }
                ScriptedReceiver.Received fire = desk.awaitAccepted("/desk", 1).get(0);
                assertTrue(fire.signatureValid(), "signed with the desk's secret");
                Alert delivered = Topics.ALERT_SERDE.fromBytes(fire.body());
                assertEquals("port-fires", delivered.ruleId());
                assertEquals("inc-1", delivered.incidentId());
                assertEquals(delivered.alertId(), fire.webhookId());
                assertEquals(2, delivered.incident().get("source_count").asInt());
                assertEquals(raised, delivered, "the webhook body is the record");
                try (TopicReader<byte[], byte[]> reader = new TopicReader<>(topics.dlq().name(),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    Map<String, String> letter = DeadLetterHeaders.read(reader.readAtLeast(1).get(0).headers());
                    assertEquals("alert", letter.get(DeadLetterHeaders.SERVICE));
                    assertEquals("undecodable", letter.get(DeadLetterHeaders.REASON));
                }

                Files.writeString(rules, RULES.formatted(desk.url("/desk")) + """
                              - id: strikes
                                when: {title_has: strike}
                                notify: desk
                            """);
                awaitRulesVersionChange(runtime, delivered.rulesVersion());
                publish(topics, "inc-3", "Dock strike spreads", 1);
                Alert strike = Topics.ALERT_SERDE.fromBytes(desk.awaitAccepted("/desk", 2).get(1).body());
                assertEquals("strikes", strike.ruleId(), "the changed file applies without a restart");
                assertEquals("inc-3", strike.incidentId());

                String metrics = scrape(runtime);
                assertEquals(Optional.of(2.0), PrometheusScrape.sample(metrics, "storyline_webhook_requests_total",
                        "outcome=\"delivered\""));
                assertTrue(PrometheusScrape.sample(metrics, "storyline_records_out_total", "alerts\"").orElse(0.0)
                        >= 2);
            }
            Map<String, Integer> checked = RecordContracts.checkAll(topics);
            System.out.println("record contract, alert service: " + checked);
            assertTrue(checked.get(topics.alerts().name()) >= 2);
        }
    }

    /** What aggregate would write for an incident reported by {@code sources} outlets: events, then records. */
    static void publish(Topics topics, String incidentId, String title, int sources) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int n = 1; n <= sources; n++) {
                List<String> articles = java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> incidentId + "-a" + i)
                        .toList();
                List<String> outlets = java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "s" + i + ".example")
                        .toList();
                Instant at = T0.plusSeconds(n);
                IncidentEvent event = new IncidentEvent(1, n == 1 ? "OPENED" : "ARTICLE_ADDED", incidentId,
                        articles.get(n - 1), at, title, outlets.get(n - 1), null, null, n, n);
                Incident incident = new Incident(1, incidentId, title, T0, at, "2024-11-21", n, n, outlets, articles,
                        List.of(), List.of(), List.of(), List.of(), "OPEN", null);
                producer.send(new ProducerRecord<>(topics.incidentEvents().name(), null, at.toEpochMilli(), incidentId,
                        Topics.INCIDENT_EVENT_SERDE.toBytes(event)));
                producer.send(new ProducerRecord<>(topics.incidents().name(), null, at.toEpochMilli(), incidentId,
                        Topics.INCIDENT_SERDE.toBytes(incident)));
            }
        }
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Waits until the service's rules are of another version than {@code version}: it looked at the file. */
    private static void awaitRulesVersionChange(ServiceRuntime runtime, String version) {
        AlertService service = (AlertService) runtime.service();
        ScriptedReceiver.await(() -> !service.rulesVersion().equals(version), "the changed rules file");
    }

    private static String scrape(ServiceRuntime runtime) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + runtime.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
