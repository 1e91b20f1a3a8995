package io.storyline.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.aggregate.bench.SyntheticNews;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.Marks;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Scaling without changing the answer, on a real broker: the same articles through one instance and through
 * three instances of the service (in this JVM, each with its own state directory) on a four-partition input form
 * the same incidents; and each instance answers incident queries for all of them.
 */
class AggregateScalingIT {

    private static final int PARTITIONS = 4;
    private static final Instant BASE = Instant.parse("2024-01-01T08:00:00Z");

    /** Invented coverage of a few dozen events in a handful of towns, in publication order. */
    static List<EnrichedArticle> articles() {
        SyntheticNews news = new SyntheticNews(11, 6);
        List<EnrichedArticle> out = new ArrayList<>();
        for (int event = 0; event < 24; event++) {
            out.addAll(news.event(event / 3));
        }
        out.sort(Comparator.comparing((EnrichedArticle article) -> article.article().publishedAt()));
        return out;
    }

    record Run(Map<String, Set<String>> members, Map<String, Integer> sources) {
    }

    @Test
    void oneInstanceAndThreeFormTheSameIncidents() throws Exception {
        List<EnrichedArticle> articles = articles();
        Run one = run("scale-one", 1, articles);
        Run three = run("scale-three", 3, articles);

        assertEquals(one.members(), three.members());
        assertEquals(one.sources(), three.sources());
        Set<String> covered = one.members().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(articles.size(), covered.size(), "every article is in exactly one incident");
        assertTrue(one.members().size() < articles.size() && one.members().size() > 1,
                "the articles formed some multi-article incidents: " + one.members().size());
    }

    private Run run(String name, int instances, List<EnrichedArticle> articles) throws Exception {
        TestTopics test = TestTopics.unique(name);
        List<ServiceRuntime> runtimes = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Path stateDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "state");
                StorylineConfig config = test.config(Map.of(
                        TopicsSetup.PARTITIONS, Integer.toString(PARTITIONS),
                        StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                        HttpEndpoints.PORT, "0",
                        HttpEndpoints.HOST, "localhost"));
                runtimes.add(ServiceRuntime.start(new AggregateService(), config));
            }
            publish(test.topics(), articles);
            Map<String, Incident> incidents = readUntilEveryArticleIsPlaced(test.topics(), articles);
            awaitViewCaughtUp(test);
            for (ServiceRuntime runtime : runtimes) {
                assertEveryIncidentIsQueryable(runtime.httpPort(), incidents);
            }
            Map<String, Set<String>> members = new TreeMap<>();
            Map<String, Integer> sources = new TreeMap<>();
            incidents.forEach((id, incident) -> {
                members.put(id, new TreeSet<>(incident.articleIds()));
                sources.put(id, incident.sourceCount());
            });
            return new Run(members, sources);
        } finally {
            runtimes.forEach(ServiceRuntime::close);
        }
    }

    /**
     * Record times one second apart, two articles to each second: ties are broken the same way every run. The test
     * plays enrich, a single task that has delivered everything once the articles are written: a caught-up
     * progress mark to every partition.
     */
    private static void publish(Topics topics, List<EnrichedArticle> articles) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < articles.size(); i++) {
                EnrichedArticle article = articles.get(i);
                producer.send(new ProducerRecord<>(topics.enriched().name(), null,
                        BASE.plusSeconds(i / 2).toEpochMilli(), article.article().id(),
                        Topics.ENRICHED_SERDE.toBytes(article)));
            }
            for (int partition = 0; partition < PARTITIONS; partition++) {
                producer.send(Marks.producerRecord(topics.enriched().name(), partition, Marks.caughtUp()));
            }
        }
    }

    /** The latest state of every incident, once every article appears in one. */
    private static Map<String, Incident> readUntilEveryArticleIsPlaced(Topics topics, List<EnrichedArticle> articles) {
        Set<String> expected = articles.stream().map(article -> article.article().id()).collect(Collectors.toSet());
        try (TopicReader<String, Incident> reader = new TopicReader<>(topics.incidents().name(),
                new StringDeserializer(), topics.incidents().valueSerde().deserializer())) {
            List<ConsumerRecord<String, Incident>> records = reader.readUntil(seen ->
                    placed(latest(seen)).containsAll(expected));
            return latest(records);
        }
    }

    private static Map<String, Incident> latest(List<ConsumerRecord<String, Incident>> records) {
        Map<String, Incident> out = new HashMap<>();
        for (ConsumerRecord<String, Incident> record : records) {
            if (record.value() == null || record.value().mergedInto() != null) {
                out.remove(record.key());
            } else {
                out.put(record.key(), record.value());
            }
        }
        return out;
    }

    private static Set<String> placed(Map<String, Incident> incidents) {
        Set<String> out = new HashSet<>();
        incidents.values().forEach(incident -> out.addAll(incident.articleIds()));
        return out;
    }

    /** Waits until the service has consumed all of the incidents topic into its queryable view (lag zero). */
    private static void awaitViewCaughtUp(TestTopics test) throws Exception {
        String group = test.prefix() + "aggregate";
        String topic = test.topics().incidents().name();
        Instant deadline = Instant.now().plus(TopicReader.SAFETY_DEADLINE);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers()))) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends,
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get(30, TimeUnit.SECONDS);
                boolean caughtUp = end.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
                        && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (caughtUp) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the incidents view did not catch up: committed " + committed
                            + ", end " + end);
                }
            }
        }
    }

    /** Every incident by id (forwarded where another instance holds it), and all of them by time. */
    private static void assertEveryIncidentIsQueryable(int port, Map<String, Incident> incidents)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (Incident incident : incidents.values()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/incidents/" + incident.incidentId())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(incident, Json.mapper().readValue(response.body(), Incident.class));
        }
        HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/incidents?since=" + Instant.EPOCH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, all.statusCode(), all.body());
        Set<String> ids = new HashSet<>();
        for (JsonNode node : Json.mapper().readTree(all.body())) {
            ids.add(node.get("incident_id").asText());
        }
        Set<String> missingIds = new TreeSet<>(incidents.keySet());
        missingIds.removeAll(ids);
        assertTrue(missingIds.isEmpty(), "not listed: " + missingIds);
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/incidents/no-such-incident")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode(), missing.body());
    }
}
