package io.storyline.enrich;

import io.storyline.common.testing.RecordContracts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.testing.Marks;
import io.storyline.common.topic.Topics;
import io.storyline.enrich.signature.SignatureBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enrich wiring: one enricher per thread, output keyed by article id, failures dead-lettered. (Undecodable
 * input is dead-lettered by the deserialization hook, which TopologyTestDriver does not route; the real-broker
 * {@code ServiceRuntimeIT} covers it.)
 */
class EnrichTopologyTest {

    /** Enriches with a signature only, and refuses bodies that say so: the wiring is under test here. */
    static final class SignatureOnly implements Enricher {
        static final AtomicInteger BUILT = new AtomicInteger();
        private final SignatureBuilder signatures = new SignatureBuilder();

        SignatureOnly() {
            BUILT.incrementAndGet();
        }

        @Override
        public EnrichedArticle enrich(Article article) {
            if (article.body().startsWith("unreadable")) {
                throw new RejectedRecordException("test-refused", "this enricher refuses the article");
            }
            return new EnrichedArticle(article, List.of(), List.of(), article.publishedAt(), null,
                    signatures.build(article.title(), article.body(), article.language()));
        }
    }

    Topics topics = Topics.defaults();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> articles;
    TestOutputTopic<String, EnrichedArticle> enriched;
    TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        SignatureOnly.BUILT.set(0);
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092"));
        EnrichService service = new EnrichService(settings -> new SignatureOnly());
        driver = new TopologyTestDriver(service.topology(config, topics),
                StreamsSettings.of(service, config, topics));
        articles = driver.createInputTopic(topics.articles().name(), new StringSerializer(), new ByteArraySerializer());
        // Every record the tests read is checked against the published schema of its topic.
        enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keySerde().deserializer(),
                RecordContracts.checking(topics.enriched(), topics.enriched().valueSerde().deserializer()));
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(),
                RecordContracts.checking(topics.dlq(), new ByteArrayDeserializer()));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static byte[] article(String id, String body) {
        return Topics.ARTICLE_SERDE.toBytes(new Article(1, id, null, "example.org", "A title", body, "2024-11-21",
                "article", "en", Instant.parse("2024-11-21T12:00:00Z"), "hash-" + id));
    }

    @Test
    void everyArticleComesOutEnrichedUnderItsId() {
        articles.pipeInput("a1", article("a1", "Missiles struck the city of Dnipro on Thursday morning."));
        articles.pipeInput("a2", article("a2", "A second report on the strike."));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
        assertEquals(List.of("a1", "a2"), out.stream().map(TestRecord::key).toList());
        assertEquals("a1", out.get(0).value().article().id());
        assertTrue(out.get(0).value().signature().terms().containsKey("dnipro"));
        assertEquals(1, SignatureOnly.BUILT.get(), "one enricher for the one stream thread");
    }

    @Test
    void anArticleTheEnricherRefusesIsDeadLetteredAndTheNextOneFlows() {
        byte[] refused = article("bad", "unreadable body");
        articles.pipeInput("bad", refused);
        articles.pipeInput("good", article("good", "A readable body."));

        assertEquals(List.of("good"), enriched.readRecordsToList().stream().map(TestRecord::key).toList());
        TestRecord<byte[], byte[]> letter = dlq.readRecord();
        assertEquals("bad", new String(letter.key(), StandardCharsets.UTF_8));
        assertEquals(new String(refused, StandardCharsets.UTF_8), new String(letter.value(), StandardCharsets.UTF_8));
        Map<String, String> headers = DeadLetterHeaders.read(letter.headers());
        assertEquals("enrich", headers.get(DeadLetterHeaders.SERVICE));
        assertEquals("test-refused", headers.get(DeadLetterHeaders.REASON));
    }

    @Test
    void aTombstonePassesThrough() {
        articles.pipeInput("gone", (byte[]) null);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertEquals("gone", out.key());
        assertNull(out.value());
    }

    @Test
    void progressMarksPassOnInOrderWithTheArticlesAndAreNeitherEnrichedNorDeadLettered() {
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092",
                "storyline.enrich.application.id", "enrich-marks-test"));
        try (TopologyTestDriver marked = new TopologyTestDriver(EnrichTopology.build(topics, SignatureOnly::new,
                PartitionCounts.fixed(6)), StreamsSettings.of(new EnrichService(s -> new SignatureOnly()), config,
                topics))) {
            TestInputTopic<String, byte[]> in = marked.createInputTopic(topics.articles().name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> out = marked.createOutputTopic(topics.enriched().name(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            Instant now = Instant.parse("2024-11-21T12:00:00Z");
            in.pipeInput("a1", article("a1", "A ferry ran aground off Split."));
            in.pipeInput(Marks.testRecord(ProgressMark.at(0, 2, now.toEpochMilli()), now));
            in.pipeInput(Marks.testRecord(ProgressMark.caughtUp(1, 2, now.toEpochMilli()), now));
            in.pipeInput("a2", article("a2", "The ferry was towed back to port."));

            List<String> written = out.readRecordsToList().stream().map(record -> ProgressMark.isMark(record.headers())
                    ? new String(record.value(), StandardCharsets.UTF_8) : record.key()).toList();
            assertEquals(List.of("a1", "{\"schema_version\":1,\"source\":0,\"sources\":6,\"time\":"
                    + now.toEpochMilli() + ",\"caught_up\":false}", "a2"), written,
                    "enrich's own mark (the least of ingest's two tasks; six partitions of news.articles) after a1");
            assertTrue(marked.producedTopicNames().stream().noneMatch(topic -> topic.equals(topics.dlq().name())));
        }
    }
}
