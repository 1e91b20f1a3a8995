package io.storyline.deploy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.incident.Incident;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import io.storyline.ingest.IngestSettings;
import io.storyline.launcher.dlq.DlqCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Dead letters an operator can act on, on the real broker with the three services: {@code storyline dlq} lists what
 * ingest refused under a too strict body limit; once ingest runs with the default limit, {@code dlq replay} puts
 * the refused articles through the pipeline, and replaying them a second time adds none of them twice: each
 * article is once on news.articles and in exactly one incident, once.
 */
class DeadLetterReplayIT {

    /** Our own articles: two short enough for the strict limit, two longer; and a record with no text at all. */
    private static final Map<String, String> SHORT = Map.of(
            "replay-short-1", "A tram and a delivery van collided in Eastgate on Monday.",
            "replay-short-2", "Firefighters put out a warehouse fire in Kelmouth on Monday.");
    private static final Map<String, String> LONG = Map.of(
            "replay-long-1", "A tram and a delivery van collided in Eastgate on Monday morning, injuring the van's "
                    + "driver and a passenger; the line was closed for three hours while the overhead wire was "
                    + "repaired.",
            "replay-long-2", "The warehouse fire in Kelmouth on Monday destroyed a stock of furniture, the fire "
                    + "service said; sixty firefighters fought the blaze for five hours and nobody was hurt.");
    private static final int STRICT_BODY_BYTES = 80;

    @Test
    void afterTheFixReplayingTwicePutsEachRefusedArticleInItsIncidentOnce() throws Exception {
        try (Pipeline pipeline = new Pipeline("dlq-replay", 2)) {
            Topics topics = pipeline.topics();
            ServiceRuntime strictIngest = pipeline.start("ingest",
                    Map.of(IngestSettings.MAX_BODY_BYTES, Integer.toString(STRICT_BODY_BYTES)));
            pipeline.start("enrich");
            pipeline.start("aggregate");

            Map<String, byte[]> raw = new LinkedHashMap<>();
            SHORT.forEach((id, body) -> raw.put(id, article(id, body)));
            LONG.forEach((id, body) -> raw.put(id, article(id, body)));
            raw.put("replay-empty", "{\"id\":\"replay-empty\",\"body\":\"  \"}".getBytes(StandardCharsets.UTF_8));
            produce(topics.raw().name(), raw);
            pipeline.awaitIncidentsHolding(SHORT.keySet());
            pipeline.awaitDeadLetters(3);
            // A letter aggregate wrote without its value, as it does for a record too large to write.
            produceOmittedLetter(topics);
            pipeline.awaitDeadLetters(4);

            String listing = dlq(topics, 0);
            assertTrue(listing.startsWith("4 dead letters on " + topics.dlq().name()), listing);
            assertTrue(listing.matches("(?s).*ingest +body-too-large +2 .*"), listing);
            assertTrue(listing.matches("(?s).*ingest +no-text +1 .*"), listing);
            assertTrue(listing.contains("(1 without their value: not replayable from here)"), listing);
            assertTrue(listing.contains("from " + topics.raw().name() + "-"), "a sample says where it came from");
            assertTrue(dlq(topics, 0, "--reason", "no-text").startsWith("1 dead letter on "));

            // The fix: ingest with its default limit, from where the strict one stopped.
            strictIngest.close();
            ServiceRuntime ingest = pipeline.start("ingest");
            int rawRecords = pipeline.committedKeys(topics.raw().name()).size();

            String dryRun = dlq(topics, 0, "replay", "--reason", "body-too-large", "--dry-run");
            assertTrue(dryRun.startsWith("would re-publish 2 of 2 dead letters with reason body-too-large: 2 to "
                    + topics.raw().name()), dryRun);
            assertEquals(rawRecords, pipeline.committedKeys(topics.raw().name()).size(), "a dry run publishes nothing");

            String replayed = dlq(topics, 0, "replay", "--reason", "body-too-large");
            assertTrue(replayed.startsWith("re-published 2 of 2 dead letters"), replayed);
            Set<String> all = new java.util.TreeSet<>(SHORT.keySet());
            all.addAll(LONG.keySet());
            pipeline.awaitIncidentsHolding(all);

            dlq(topics, 0, "replay", "--reason", "body-too-large");
            // The second replay has been through ingest once its two articles were dropped as exact re-sends.
            awaitMetric(pipeline, ingest, "storyline_duplicates_total", 2);

            Map<String, Long> onArticles = pipeline.committedKeys(topics.articles().name()).stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            Map<String, Long> once = new TreeMap<>();
            all.forEach(id -> once.put(id, 1L));
            assertEquals(once, onArticles, "every article once on news.articles");
            Map<String, Incident> incidents = pipeline.awaitIncidentsHolding(all);
            List<String> members = new ArrayList<>();
            incidents.values().forEach(incident -> members.addAll(incident.articleIds()));
            assertEquals(all.size(), members.size(), "each article in exactly one incident, once: " + members);
            assertEquals(all, Set.copyOf(members));

            List<ConsumerRecord<String, byte[]>> replays = replayedRecords(topics.raw().name(), 4);
            for (ConsumerRecord<String, byte[]> record : replays) {
                Map<String, String> headers = DeadLetterHeaders.read(record.headers());
                assertEquals("application/json", headers.get("content-type"), "the original headers come back");
                assertNull(headers.get(DeadLetterHeaders.REASON), "the dead-letter headers do not");
                assertTrue(headers.get(DeadLetterHeaders.REPLAYED_FROM).startsWith(topics.dlq().name() + "-"));
                assertTrue(LONG.containsKey(record.key()));
            }

            String omitted = dlq(topics, 1, "replay", "--reason", "record-too-large");
            assertTrue(omitted.contains("1 cannot be replayed from " + topics.dlq().name()), omitted);
            assertTrue(omitted.contains("its value was not kept in the dead letter"), omitted);
            assertTrue(omitted.contains("the original is at " + topics.enriched().name() + "-0@42"), omitted);
        }
    }

    /** Runs {@code storyline dlq ARGS} against the test's topics; returns what it printed. */
    private static String dlq(Topics topics, int expectedExit, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        int subcommand = line.isEmpty() || !line.get(0).equals("replay") ? 0 : 1;
        List<String> options = new ArrayList<>(List.of("--bootstrap-server", KafkaBroker.bootstrapServers()));
        for (var topic : topics.all()) {
            options.add("--set");
            options.add("storyline.topic." + topic.key() + "=" + topic.name());
        }
        line.addAll(subcommand, options);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DlqCommand());
        cli.setOut(new PrintWriter(out));
        cli.getSubcommands().values().forEach(sub -> sub.setOut(new PrintWriter(out)));
        int code = cli.execute(line.toArray(String[]::new));
        assertEquals(expectedExit, code, "dlq " + line + " printed:\n" + out);
        return out.toString();
    }

    private static byte[] article(String id, String body) {
        return ("{\"id\":\"" + id + "\",\"source\":\"replay-test.example\",\"title\":\"Report " + id
                + "\",\"body\":\"" + body + "\",\"published_at\":\"2025-06-02\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void produce(String topic, Map<String, byte[]> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            records.forEach((key, value) -> {
                Headers headers = new RecordHeaders();
                headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value,
                        headers));
            });
        }
    }

    private static void produceOmittedLetter(Topics topics) {
        Headers headers = DeadLetterHeaders.of("aggregate", "record-too-large", "the record is too large",
                topics.enriched().name(), 0, 42);
        headers.add(DeadLetterHeaders.VALUE_OMITTED, "5000000 bytes, more than this service's producer may send"
                .getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.dlq().name(), null, "huge".getBytes(StandardCharsets.UTF_8),
                    null, headers));
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> replayedRecords(String topic, int count) {
        try (TopicReader<String, byte[]> reader = new TopicReader<>(topic, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return reader.readUntil(records -> replayed(records).size() >= count).stream()
                    .filter(r -> r.headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM) != null).toList();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> replayed(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM) != null)
                .toList();
    }

    /** Waits, asking every 100 ms, until {@code runtime}'s metric reaches {@code value}. */
    private static void awaitMetric(Pipeline pipeline, ServiceRuntime runtime, String metric, double value) {
        Instant deadline = Instant.now().plus(TopicReader.SAFETY_DEADLINE);
        while (pipeline.metric(runtime, metric) < value) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(metric + " never reached " + value + ": " + pipeline.metric(runtime, metric));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
