package io.storyline.common.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.json.FutureSchemaVersionException;
import io.storyline.common.json.JsonSerde;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Records that must not reach the producer (larger than Kafka takes) and records of a schema version the reader
 * does not know: both become dead letters with their own reason, and a dead letter too large to write goes
 * without its value instead of failing the transaction.
 */
class OversizedAndFutureRecordsTest {

    static Article article(String id, String body) {
        return new Article(Article.SCHEMA_VERSION, id, null, "example.org", "Title " + id, body, "2025-03-03",
                "article", "en", Instant.parse("2025-03-03T10:00:00Z"), "h-" + id);
    }

    @Test
    void theKafkaSerializerRefusesARecordOverTheLimitButPlainJsonDoesNot() {
        Article huge = article("huge", "x".repeat(JsonSerde.MAX_RECORD_BYTES));
        assertTrue(Topics.ARTICLE_SERDE.toBytes(huge).length > JsonSerde.MAX_RECORD_BYTES,
                "files and tools may hold large records");
        RecordTooLargeException e = assertThrows(RecordTooLargeException.class,
                () -> Topics.ARTICLE_SERDE.serializer().serialize("t", huge));
        assertEquals("record-too-large", DeadLetterHeaders.reasonCode(e));
        byte[] fits = Topics.ARTICLE_SERDE.serializer().serialize("t",
                article("fits", "x".repeat(JsonSerde.MAX_RECORD_BYTES - 1000)));
        assertTrue(fits.length <= JsonSerde.MAX_RECORD_BYTES, "a record just under the limit passes");
    }

    @Test
    void aFutureSchemaVersionIsRefusedWithItsReasonWhileUnknownFieldsAreIgnored() {
        String current = new String(Topics.ARTICLE_SERDE.toBytes(article("a", "Body.")), StandardCharsets.UTF_8);
        byte[] newer = current.replace("\"schema_version\":1", "\"schema_version\":2,\"mood\":\"calm\"")
                .getBytes(StandardCharsets.UTF_8);
        SerializationException e = assertThrows(SerializationException.class,
                () -> Topics.ARTICLE_SERDE.fromBytes(newer));
        assertTrue(e.getCause() instanceof FutureSchemaVersionException, e.toString());
        assertEquals("unsupported-schema-version", DeadLetterHeaders.reasonCode(e));

        byte[] additive = current.replace("\"schema_version\":1", "\"schema_version\":1,\"mood\":\"calm\"")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("a", Topics.ARTICLE_SERDE.fromBytes(additive).id());
    }

    /** Rejects every article whose body says so, through the runtime's own Streams settings. */
    static final class Rejecting implements StreamsService {
        @Override
        public String name() {
            return "enrich";
        }

        @Override
        public Topology topology(StorylineConfig config, Topics topics) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(topics.articles().name(), topics.articles().consumed())
                    .<io.storyline.common.article.EnrichedArticle>mapValues(a -> {
                        throw new RejectedRecordException("test-reject", "rejected " + a.id());
                    })
                    .to(topics.enriched().name(), topics.enriched().produced());
            return builder.build();
        }

        @Override
        public List<Topic<?, ?>> topics(Topics topics) {
            return List.of(topics.articles(), topics.enriched(), topics.dlq());
        }
    }

    @Test
    void aDeadLetterLargerThanTheProducerMaySendGoesWithoutItsValue() {
        Topics topics = Topics.defaults();
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092",
                "producer.max.request.size", Integer.toString(100 << 10)));
        Properties props = StreamsSettings.of(new Rejecting(), config, topics);
        try (TopologyTestDriver driver = new TopologyTestDriver(new Rejecting().topology(config, topics), props)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(topics.articles().name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            byte[] small = Topics.ARTICLE_SERDE.toBytes(article("small", "Short body."));
            byte[] large = Topics.ARTICLE_SERDE.toBytes(article("large", "y".repeat(60 << 10)));
            in.pipeInput("small", small);
            in.pipeInput("large", large);

            List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
            assertEquals(2, letters.size());
            assertArrayEquals(small, letters.get(0).value(), "a letter that fits keeps the original bytes");
            assertNull(letters.get(1).value());
            Map<String, String> headers = DeadLetterHeaders.read(letters.get(1).headers());
            assertEquals("test-reject", headers.get(DeadLetterHeaders.REASON));
            assertTrue(headers.get(DeadLetterHeaders.VALUE_OMITTED).startsWith(large.length + " bytes"), headers::toString);
            assertEquals(topics.articles().name(), headers.get(DeadLetterHeaders.TOPIC), "where to find the value");
        }
    }
}
