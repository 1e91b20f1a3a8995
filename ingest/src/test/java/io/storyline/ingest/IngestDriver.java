package io.storyline.ingest;

import io.storyline.common.testing.RecordContracts;
import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.topic.Topics;
import io.storyline.ingest.format.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The ingest topology in a {@link TopologyTestDriver}, with the settings the real runtime uses. */
final class IngestDriver implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z");

    final IngestCounters counters = new IngestCounters();
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> raw;
    private final TestOutputTopic<String, byte[]> articles;
    private final TestOutputTopic<byte[], byte[]> dlq;

    IngestDriver() {
        this(IngestSettings.defaults());
    }

    IngestDriver(IngestSettings settings) {
        Topics topics = Topics.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        props.put("processing.exception.handler.global.enabled", "true");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq().name());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                io.storyline.common.deadletter.DeadLetterHandler.class.getName());
        props.put(io.storyline.common.deadletter.DeadLetterHandler.SERVICE_CONFIG, "ingest");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/ingest-ttd");
        driver = new TopologyTestDriver(IngestTopology.build(topics, settings, counters,
                Clock.fixed(NOW, ZoneOffset.UTC), PartitionCounts.fixed(1)), props, NOW);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        // Every record the tests read is checked against the published schema of its topic.
        articles = driver.createOutputTopic(topics.articles().name(), new StringDeserializer(),
                new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(),
                RecordContracts.checking(topics.dlq(), new ByteArrayDeserializer()));
    }

    void send(String key, byte[] value, String contentType, Instant timestamp) {
        RecordHeaders headers = new RecordHeaders();
        if (contentType != null) {
            headers.add(ContentType.HEADER, contentType.getBytes(StandardCharsets.UTF_8));
        }
        raw.pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers,
                timestamp));
    }

    void send(String key, byte[] value) {
        send(key, value, null, NOW);
    }

    void send(String key, String value) {
        send(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The articles written since the last call; progress marks, which travel between them, are skipped. */
    List<Article> articles() {
        // Every record is checked against the published contract (a progress mark against its own schema).
        return articles.readRecordsToList().stream()
                .peek(record -> RecordContracts.check(Topics.defaults().articles().key(), record.headers(),
                        record.value()))
                .filter(record -> !ProgressMark.isMark(record.headers()))
                .map(record -> Topics.ARTICLE_SERDE.fromBytes(record.value())).toList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return dlq.readRecordsToList();
    }

    static String reasonOf(TestRecord<byte[], byte[]> letter) {
        return DeadLetterHeaders.read(letter.headers()).get(DeadLetterHeaders.REASON);
    }

    static String messageOf(TestRecord<byte[], byte[]> letter) {
        return DeadLetterHeaders.read(letter.headers()).get(DeadLetterHeaders.MESSAGE);
    }

    @Override
    public void close() {
        driver.close();
    }
}
