package io.storyline.alert.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storyline.alert.TestRules;
import io.storyline.alert.ScriptedReceiver;
import io.storyline.alert.ScriptedReceiver.Answer;
import io.storyline.alert.ScriptedReceiver.Received;
import io.storyline.alert.rules.RuleBook;
import io.storyline.common.alert.Alert;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.json.Json;
import io.storyline.common.metrics.ServiceMetrics;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.RecordContracts;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery against a real HTTP server and a real broker, through receiver failures: the desk's endpoint
 * answers 500s, answers too late and drops connections for a while, and delivery is stopped and restarted half-way;
 * a second endpoint is down for good and a third refuses the alerts. Every alert must reach the desk, duplicates
 * only under the same webhook-id, each incident's alerts first arriving in their order; what cannot be delivered
 * goes to news.dlq with the reason, without holding the desk's alerts back.
 */
class WebhookDeliveryIT {

    static final int INCIDENTS = 5;
    static final int ALERTS_PER_INCIDENT = 8;
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    /** Longer than the desk's bad spell, so only the endpoint that stays down is given up on. */
    static final Duration GIVE_UP = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    /** The desk's endpoint fails for its first 40 requests: a run of 500s, then a mix of every kind of failure. */
    static Answer desk(int request) {
        if (request <= 6) {
            return Answer.SERVER_ERROR;
        }
        if (request <= 40) {
            return switch (request % 5) {
                case 0 -> Answer.SERVER_ERROR;
                case 1 -> Answer.TOO_SLOW;
                case 2 -> Answer.DROP;
                case 3 -> Answer.UNAVAILABLE;
                default -> Answer.OK;
            };
        }
        return Answer.OK;
    }

    @Test
    void everyAlertArrivesInOrderPerIncidentAndWhatCannotBeDeliveredIsDeadLettered() throws Exception {
        TestTopics test = TestTopics.unique("delivery");
        Topics topics = test.topics();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            TopicsSetup.ensure(admin, List.of(topics.alerts(), topics.dlq()),
                    test.config(Map.of(TopicsSetup.PARTITIONS, "3")));
        }
        Map<String, IntFunction<Answer>> scripts = Map.of("/desk", WebhookDeliveryIT::desk,
                "/down", n -> Answer.UNAVAILABLE, "/refusing", n -> Answer.BAD_REQUEST);
        try (ScriptedReceiver receiver = new ScriptedReceiver(scripts, TestRules.SECRET.getBytes(StandardCharsets.UTF_8),
                REQUEST_TIMEOUT.multipliedBy(2))) {
            Path rules = TestRules.write(dir, """
                    webhooks:
                      desk: {url: '%s', secret_file: desk.secret}
                      down: {url: '%s', secret_file: desk.secret}
                      refusing: {url: '%s', format: slack}
                    rules:
                      - {id: any, when: {min_articles: 1}, notify: [desk, down, refusing]}
                    """.formatted(receiver.url("/desk"), receiver.url("/down"), receiver.url("/refusing")));
            RuleBook book = RuleBook.load(rules, Duration.ofSeconds(5), Clock.systemUTC());

            Map<String, List<String>> produced = publish(topics);
            Set<String> all = produced.values().stream().flatMap(List::stream).collect(Collectors.toSet());

            DeliveryCounts counts = new DeliveryCounts(new SimpleMeterRegistry());
            WebhookDelivery first = delivery(test, topics, book, counts);
            first.start(failure -> { throw new AssertionError("delivery failed", failure); });
            ScriptedReceiver.await(() -> acceptedIds(receiver).size() >= all.size() / 3, "a third of the alerts");
            first.close();
            WebhookDelivery second = delivery(test, topics, book, counts);
            second.start(failure -> { throw new AssertionError("delivery failed", failure); });
            try {
                ScriptedReceiver.await(() -> acceptedIds(receiver).containsAll(all), "every alert at the desk");
                List<ConsumerRecord<byte[], byte[]>> letters;
                try (TopicReader<byte[], byte[]> reader = new TopicReader<>(topics.dlq().name(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                    letters = reader.readUntil(read -> deadLettered(read).size() >= 2 * all.size());
                }
                List<Received> desk = receiver.received("/desk");
                printLog(counts, desk, letters);

                for (Received request : desk) {
                    assertTrue(request.signatureValid(), "signed: " + request);
                    assertEquals(request.json().get("alert_id").asText(), request.webhookId(),
                            "the idempotency key is the alert id, on every attempt");
                }
                assertEquals(all, acceptedIds(receiver), "every alert arrived, none other");
                Map<String, List<String>> firstArrivals = new TreeMap<>();
                Set<String> seen = new LinkedHashSet<>();
                for (Received request : desk) {
                    if (request.accepted() && seen.add(request.webhookId())) {
                        firstArrivals.computeIfAbsent(request.json().get("incident_id").asText(), k -> new ArrayList<>())
                                .add(request.webhookId());
                    }
                }
                assertEquals(produced, firstArrivals, "each incident's alerts first arrive in their order");
                assertTrue(desk.stream().filter(Received::accepted).count() > all.size(),
                        "the script makes duplicates (late answers, the restart): they came with the same id");

                for (ConsumerRecord<byte[], byte[]> letter : letters) {
                    RecordContracts.check("dlq", letter.headers(), letter.value());
                    Map<String, String> headers = DeadLetterHeaders.read(letter.headers());
                    Alert alert = Topics.ALERT_SERDE.fromBytes(letter.value());
                    assertEquals("alert", headers.get(DeadLetterHeaders.SERVICE));
                    assertEquals(topics.alerts().name(), headers.get(DeadLetterHeaders.TOPIC));
                    assertArrayEquals(alert.incidentId().getBytes(StandardCharsets.UTF_8), letter.key());
                }
                Map<String, String> expected = new TreeMap<>();
                all.forEach(id -> {
                    expected.put("down " + id, "webhook-undeliverable");
                    expected.put("refusing " + id, "webhook-rejected");
                });
                assertEquals(expected, deadLettered(letters), "every alert the other endpoints could not take, "
                        + "dead-lettered (again after the restart, where it was not committed yet)");
                for (ConsumerRecord<byte[], byte[]> letter : letters) {
                    Map<String, String> headers = DeadLetterHeaders.read(letter.headers());
                    if (headers.get("storyline.webhook").equals("refusing")) {
                        // A refusal is dead-lettered at the answer; an attempt before it may have failed on the
                        // connection (the receiver drops the desk's, and the three paths share a host).
                        assertEquals("HTTP 400", headers.get("storyline.webhook.status"));
                    }
                }
            } finally {
                second.close();
            }
        }
    }

    /** Alerts of five incidents, interleaved, every one to every webhook; each incident's alert ids in order. */
    private static Map<String, List<String>> publish(Topics topics) {
        Map<String, List<String>> produced = new TreeMap<>();
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int n = 0; n < ALERTS_PER_INCIDENT; n++) {
                for (int i = 0; i < INCIDENTS; i++) {
                    String incident = "inc-" + i;
                    String id = String.format("alt-%032x", i * 100 + n);
                    var event = Json.mapper().createObjectNode().put("schema_version", 1).put("type", "ARTICLE_ADDED")
                            .put("incident_id", incident).put("at", Instant.parse("2024-11-21T10:00:00Z")
                                    .plusSeconds(n).toString());
                    Alert alert = new Alert(1, id, "any", "Every change", "sha256:test", incident,
                            Instant.parse("2024-11-21T10:00:00Z").plusSeconds(n), List.of("desk", "down", "refusing"),
                            event, null);
                    producer.send(new ProducerRecord<>(topics.alerts().name(), incident, Topics.ALERT_SERDE.toBytes(alert)));
                    produced.computeIfAbsent(incident, k -> new ArrayList<>()).add(id);
                }
            }
        }
        return produced;
    }

    private static WebhookDelivery delivery(TestTopics test, Topics topics, RuleBook book, DeliveryCounts counts) {
        Map<String, Object> consumer = Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(),
                "group.id", test.prefix() + "delivery");
        Map<String, Object> producer = Map.of("bootstrap.servers", KafkaBroker.bootstrapServers());
        WebhookDelivery.Settings settings = new WebhookDelivery.Settings(REQUEST_TIMEOUT, GIVE_UP,
                Duration.ofMillis(50), Duration.ofMillis(400), 4, 1000);
        return new WebhookDelivery(consumer, producer, topics, book, settings, Clock.systemUTC(), counts,
                ServiceMetrics.none());
    }

    /** "webhook alert-id" to the reason of its dead letter. */
    private static Map<String, String> deadLettered(List<ConsumerRecord<byte[], byte[]>> letters) {
        Map<String, String> reasons = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            Map<String, String> headers = DeadLetterHeaders.read(letter.headers());
            reasons.put(headers.get("storyline.webhook") + " " + Topics.ALERT_SERDE.fromBytes(letter.value()).alertId(),
                    headers.get(DeadLetterHeaders.REASON));
        }
        return reasons;
    }

    private static Set<String> acceptedIds(ScriptedReceiver receiver) {
        return receiver.received("/desk").stream().filter(Received::accepted).map(Received::webhookId)
                .collect(Collectors.toSet());
    }

    /** The delivery log the issue asks for, printed for the record. */
    private static void printLog(DeliveryCounts counts, List<Received> desk, List<ConsumerRecord<byte[], byte[]>> letters) {
        DeliveryCounts.Totals totals = counts.totals();
        long accepted = desk.stream().filter(Received::accepted).count();
        long distinct = desk.stream().filter(Received::accepted).map(Received::webhookId).distinct().count();
        Map<Answer, Long> answers = new LinkedHashMap<>();
        desk.forEach(r -> answers.merge(r.answer(), 1L, Long::sum));
        System.out.printf("delivery log: sent %d requests (desk %d, answered %s), failed and retried %d, delivered %d, "
                        + "rejected %d, dead-lettered %d; desk accepted %d requests for %d alerts: %d duplicates, "
                        + "all under their alert's webhook-id; dead letters on the topic %d%n",
                totals.sent(), desk.size(), answers, totals.failed(), totals.delivered(), totals.rejected(),
                totals.deadLettered(), accepted, distinct, accepted - distinct, letters.size());
    }
}
