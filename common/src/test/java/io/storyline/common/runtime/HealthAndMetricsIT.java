package io.storyline.common.runtime;

import static io.storyline.common.testing.PrometheusScrape.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.Json;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP endpoints of a service started through {@link ServiceRuntime} against the real broker: readiness that
 * waits for the service's topics, Prometheus metrics with Storyline's counters, Kafka Streams' and the JVM's, and
 * {@code group.instance.id} (static membership, set by the platform as {@code KAFKA_GROUP_INSTANCE_ID}) reaching
 * the group.
 */
class HealthAndMetricsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(ServiceRuntime runtime, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + runtime.httpPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void readinessWaitsForTopicsAndMetricsCountWhatTheServiceDid() throws Exception {
        TestTopics test = TestTopics.unique("health");
        Topics topics = test.topics();
        StorylineConfig config = test.config(Map.of(HttpEndpoints.PORT, "0", TopicsSetup.CREATE, "false",
                "group.instance.id", "storyline-pod-0"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers()))) {
            // A platform that owns topics has not created the dead-letter topic yet.
            admin.createTopics(List.of(new NewTopic(topics.articles().name(), 2, (short) 1),
                    new NewTopic(topics.incidentEvents().name(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

            try (ServiceRuntime runtime = ServiceRuntime.start(new ServiceRuntimeIT.TitleService(), config);
                 TopicReader<String, String> events = new TopicReader<>(topics.incidentEvents().name(),
                         new StringDeserializer(), new StringDeserializer())) {
                assertEquals(200, call(runtime, "GET", "/health/live").statusCode());

                ServiceRuntimeIT.send(topics, "a1", ServiceRuntimeIT.article("a1", "fine"));
                events.readAtLeast(1);

                HttpResponse<String> notReady = call(runtime, "GET", "/health/ready");
                assertEquals(503, notReady.statusCode(), notReady.body());
                assertEquals("DOWN", json(notReady).get("status").asText());
                assertEquals("missing topics [" + topics.dlq().name() + "]", json(notReady).get("detail").asText());

                admin.createTopics(List.of(new NewTopic(topics.dlq().name(), 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
                HttpResponse<String> ready = call(runtime, "GET", "/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals("UP", json(ready).get("status").asText());
                assertEquals(0, json(ready).get("restoring_partitions").asInt());
                assertTrue(Set.of("RUNNING", "REBALANCING").contains(json(ready).get("state").asText()));

                String applicationId = StreamsSettings.applicationId("ingest", config);
                List<String> instanceIds = admin.describeConsumerGroups(List.of(applicationId)).all()
                        .get(30, TimeUnit.SECONDS).get(applicationId).members().stream()
                        .map(MemberDescription::groupInstanceId).flatMap(Optional::stream).toList();
                assertEquals(1, instanceIds.size(), instanceIds::toString);
                assertTrue(instanceIds.get(0).startsWith("storyline-pod-0"), instanceIds::toString);

                ServiceRuntimeIT.send(topics, "a2", ServiceRuntimeIT.article("a2", "please reject me"));
                try (TopicReader<byte[], byte[]> dlq = new TopicReader<>(topics.dlq().name(),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    dlq.readAtLeast(1);
                }

                HttpResponse<String> metrics = call(runtime, "GET", "/metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
                String scrape = metrics.body();
                String in = "topic=\"" + topics.articles().name() + "\"";
                String out = "topic=\"" + topics.incidentEvents().name() + "\"";
                assertEquals(Optional.of(2.0), sample(scrape, "storyline_records_in_total", in, "service=\"ingest\""));
                assertEquals(Optional.of(1.0), sample(scrape, "storyline_records_out_total", out));
                assertEquals(Optional.of(1.0), sample(scrape, "storyline_records_rejected_total",
                        "reason=\"test-reject\""));
                assertEquals(Optional.of(1.0), sample(scrape, "storyline_end_to_end_latency_seconds_count", out));
                assertEquals(Optional.of(1.0), sample(scrape, "kafka_stream_alive_stream_threads"),
                        "Kafka Streams' own metrics through the binder");
                assertTrue(sample(scrape, "jvm_memory_used_bytes").isPresent(), "the JVM's metrics");
                assertEquals(Optional.of(0.0), sample(scrape, "storyline_restoring_partitions"));

                assertEquals(405, call(runtime, "POST", "/metrics").statusCode());
                HttpResponse<String> head = call(runtime, "HEAD", "/health/ready");
                assertEquals(200, head.statusCode());
                assertEquals("", head.body());
                assertEquals(404, call(runtime, "GET", "/health/readyish").statusCode());

                runtime.close();
                assertEquals(0, runtime.awaitTermination());
            }
        }
    }
}
