package io.storyline.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** The runtime against a real broker: topics created, bad records dead-lettered, health, exit codes. */
class ServiceRuntimeIT {

    /** Copies articles to the enriched topic's name as plain titles; rejects and fails on request. */
    static final class TitleService implements StreamsService {
        @Override
        public String name() {
            return "ingest";
        }

        @Override
        public Topology topology(StorylineConfig config, Topics topics) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(topics.articles().name(), topics.articles().consumed())
                    .mapValues(article -> {
                        if (article.body().contains("reject me")) {
                            throw new RejectedRecordException("test-reject", "the body asks to be rejected");
                        }
                        if (article.body().contains("fail hard")) {
                            throw new AssertionError("a bug no handler should swallow");
                        }
                        return article.title();
                    })
                    .to(topics.incidentEvents().name(), org.apache.kafka.streams.kstream.Produced.with(
                            org.apache.kafka.common.serialization.Serdes.String(),
                            org.apache.kafka.common.serialization.Serdes.String()));
            return builder.build();
        }

        @Override
        public List<Topic<?, ?>> topics(Topics topics) {
            return List.of(topics.articles(), topics.incidentEvents(), topics.dlq());
        }
    }

    static byte[] article(String id, String body) {
        return Topics.ARTICLE_SERDE.toBytes(new Article(1, id, null, null, "title " + id, body, "2024-11-21",
                "article", "en", Instant.now(), "h-" + id));
    }

    static void send(Topics topics, String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.articles().name(), key, value));
        }
    }

    @Test
    void goodRecordsFlowAndBadOnesAreDeadLetteredWithTheirReason() throws Exception {
        TestTopics test = TestTopics.unique("runtime-dlq");
        Topics topics = test.topics();
        StorylineConfig config = test.config(Map.of(HttpEndpoints.PORT, "0"));
        try (ServiceRuntime runtime = ServiceRuntime.start(new TitleService(), config)) {
            send(topics, "a1", article("a1", "fine"));
            send(topics, "bad-json", "{\"id\": ".getBytes(StandardCharsets.UTF_8));
            send(topics, "no-body", "{\"schema_version\":1,\"id\":\"x\",\"content_hash\":\"h\"}"
                    .getBytes(StandardCharsets.UTF_8));
            send(topics, "a2", article("a2", "please reject me"));
            send(topics, "a3", article("a3", "also fine"));

            try (TopicReader<String, String> out = new TopicReader<>(topics.incidentEvents().name(),
                    new StringDeserializer(), new StringDeserializer())) {
                List<ConsumerRecord<String, String>> titles = out.readAtLeast(2);
                assertEquals(Set.of("title a1", "title a3"),
                        titles.stream().map(ConsumerRecord::value).collect(Collectors.toSet()));
            }
            try (TopicReader<byte[], byte[]> dlq = new TopicReader<>(topics.dlq().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                // Keys spread over partitions, so dead letters are looked up by key, not by order.
                Map<String, ConsumerRecord<byte[], byte[]>> letters = dlq.readAtLeast(3).stream().collect(
                        Collectors.toMap(r -> new String(r.key(), StandardCharsets.UTF_8), r -> r));
                assertEquals(Set.of("bad-json", "no-body", "a2"), letters.keySet());
                Map<String, String> badJson = DeadLetterHeaders.read(letters.get("bad-json").headers());
                assertEquals("{\"id\": ", new String(letters.get("bad-json").value(), StandardCharsets.UTF_8),
                        "the original bytes are kept");
                assertEquals("ingest", badJson.get(DeadLetterHeaders.SERVICE));
                assertEquals("undecodable", badJson.get(DeadLetterHeaders.REASON));
                assertEquals(topics.articles().name(), badJson.get(DeadLetterHeaders.TOPIC));
                assertTrue(badJson.get(DeadLetterHeaders.MESSAGE).contains("not a valid Article JSON record"));

                Map<String, String> noBody = DeadLetterHeaders.read(letters.get("no-body").headers());
                assertTrue(noBody.get(DeadLetterHeaders.MESSAGE).contains("'body'"), noBody.toString());

                Map<String, String> rejected = DeadLetterHeaders.read(letters.get("a2").headers());
                assertEquals("test-reject", rejected.get(DeadLetterHeaders.REASON));
                assertEquals("the body asks to be rejected", rejected.get(DeadLetterHeaders.MESSAGE));
                assertNull(rejected.get(DeadLetterHeaders.STACKTRACE), "expected rejections carry no stack trace");
            }
            assertEquals(KafkaStreams.State.RUNNING, runtime.streams().state());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + runtime.httpPort() + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + runtime.httpPort() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            runtime.close();
            assertEquals(0, runtime.awaitTermination(), "a requested stop exits 0");
        }
    }

    @Test
    void aFailureNoHandlerMayAbsorbEndsTheProcessNonZero() {
        TestTopics test = TestTopics.unique("runtime-error");
        try (ServiceRuntime runtime = ServiceRuntime.start(new TitleService(), test.config(Map.of()))) {
            send(test.topics(), "boom", article("boom", "fail hard"));
            assertEquals(1, runtime.awaitTermination());
            assertEquals(KafkaStreams.State.ERROR, runtime.streams().state());
        }
    }

    @Test
    void anInstanceThatClosesLeavesTheGroupAtOnceSoItsPartitionsMoveWithoutWaitingForItsSession() throws Exception {
        TestTopics test = TestTopics.unique("runtime-leave");
        // The session outlasts the wait below: only a member that leaves is gone within it.
        Map<String, String> settings = Map.of("session.timeout.ms", "45000");
        String group = StreamsSettings.applicationId("ingest", test.config(settings));
        try (ServiceRuntime first = ServiceRuntime.start(new TitleService(), instance(test, settings, 1));
             ServiceRuntime second = ServiceRuntime.start(new TitleService(), instance(test, settings, 2));
             Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            await("members of " + group, () -> members(admin, group), 2);
            second.close();
            await("members of " + group, () -> members(admin, group), 1);
            // The one left takes over the partitions and carries on (it rebalances first).
            await("the remaining instance", () -> first.streams().state(), KafkaStreams.State.RUNNING);
        }
    }

    private static StorylineConfig instance(TestTopics test, Map<String, String> settings, int number) {
        return test.config(settings).with(StreamsConfig.STATE_DIR_CONFIG,
                        System.getProperty("java.io.tmpdir") + "/" + test.prefix() + "state-" + number)
                .with(StreamsConfig.CLIENT_ID_CONFIG, test.prefix() + "instance-" + number);
    }

    private static int members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().size();
    }

    /** Waits up to 30 s for {@code probe} to answer {@code expected}. */
    private static <T> void await(String what, Callable<T> probe, T expected) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        T now = probe.call();
        while (!expected.equals(now)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(what + ": " + now + ", not " + expected + ", after 30 s");
            }
            Thread.sleep(200);
            now = probe.call();
        }
    }
}
