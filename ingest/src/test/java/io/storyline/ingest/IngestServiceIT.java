package io.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import io.storyline.ingest.publish.ExpectedArticles;
import io.storyline.ingest.publish.PublishSummary;
import io.storyline.ingest.publish.Publisher;
import io.storyline.ingest.publish.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest service on a real broker, fed by the publisher with a mixed batch that includes bad records. */
class IngestServiceIT {

    @TempDir
    Path dir;

    @Test
    void aMixedBatchEndsInArticlesAndReasonedDeadLettersAndTheServiceKeepsRunning() throws IOException {
        for (String fixture : List.of("text-source-debris.txt", "text-inline-date.txt", "article.json",
                "articles.jsonl", "feed-rss2.xml", "feed-atom.xml", "feed-xxe.xml", "page.html")) {
            Files.write(dir.resolve(fixture), Fixtures.bytes(fixture));
        }
        Files.writeString(dir.resolve("huge.json"), "{\"id\":\"huge\",\"body\":\""
                + "All work and no play. ".repeat(10 * 1024 * 1024 / 22) + "\"}");
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 owners reopened on Monday.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("malformed.json"), "{\"title\": \"Cut short\", \"body\": \"The story");

        TestTopics test = TestTopics.unique("ingest-mixed");
        Topics topics = test.topics();
        ExpectedArticles.Expectation expected = ExpectedArticles.of(List.of(dir.toString()), IngestSettings.defaults(),
                null);
        try (ServiceRuntime runtime = ServiceRuntime.start(new IngestService(),
                test.config(Map.of()))) {
            PublishSummary summary = Publisher.publish(List.of(dir.toString()), topics.raw().name(),
                    Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()), null, null);
            assertTrue(summary.ok(), summary.toString());

            Map<String, Article> articles;
            try (TopicReader<String, Article> reader = new TopicReader<>(topics.articles().name(),
                    new StringDeserializer(), Topics.ARTICLE_SERDE.deserializer())) {
                articles = reader.readUntil(records -> ids(records).containsAll(expected.articleIds())).stream()
                        .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
            }
            assertEquals(expected.articleIds(), articles.keySet(), "exactly the predicted articles");
            Article dated = articles.values().stream().filter(a -> a.body().startsWith("Floodwater")).findFirst()
                    .orElseThrow();
            assertEquals("2025-03-11", dated.publishedAt());

            Map<String, String> expectedLetters = new TreeMap<>();
            for (Rejection rejection : expected.rejected()) {
                expectedLetters.put(rejection.input().replaceFirst("#\\d+$", ""), rejection.reasonCode());
            }
            Map<String, String> letters = new TreeMap<>();
            try (TopicReader<byte[], byte[]> dlq = new TopicReader<>(topics.dlq().name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                for (ConsumerRecord<byte[], byte[]> letter : dlq.readAtLeast(expected.rejected().size())) {
                    Map<String, String> headers = DeadLetterHeaders.read(letter.headers());
                    assertEquals("ingest", headers.get(DeadLetterHeaders.SERVICE));
                    assertEquals(topics.raw().name(), headers.get(DeadLetterHeaders.TOPIC));
                    assertTrue(!headers.get(DeadLetterHeaders.MESSAGE).isBlank());
                    assertNull(headers.get(DeadLetterHeaders.STACKTRACE), "expected rejections carry no stack trace");
                    String key = new String(letter.key(), StandardCharsets.UTF_8);
                    letters.put(key, headers.get(DeadLetterHeaders.REASON));
                    if (key.endsWith("huge.json")) {
                        assertTrue(letter.value().length > 10_000_000, "the oversized record arrives whole");
                    }
                }
            }
            assertEquals(expectedLetters, letters);
            assertEquals(Set.of("body-too-large", "invalid-encoding", "malformed-json", "unparsable-feed",
                    "no-text", "not-an-article"), Set.copyOf(letters.values()));
            assertEquals(KafkaStreams.State.RUNNING, runtime.streams().state());

            Files.writeString(dir.resolve("after.json"), "{\"id\":\"after-the-bad-ones\",\"body\":\"Still running.\"}");
            Publisher.publish(List.of(dir.resolve("after.json").toString()), topics.raw().name(),
                    Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()), null, null);
            try (TopicReader<String, Article> reader = new TopicReader<>(topics.articles().name(),
                    new StringDeserializer(), Topics.ARTICLE_SERDE.deserializer())) {
                reader.readUntil(records -> ids(records).contains("after-the-bad-ones"));
            }
        }
    }

    private static Set<String> ids(List<ConsumerRecord<String, Article>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
