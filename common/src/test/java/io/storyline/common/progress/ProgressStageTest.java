package io.storyline.common.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.deadletter.DeadLetterHandler;
import io.storyline.common.testing.Marks;
import io.storyline.common.testing.TaskContexts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage between two marked topics, in a {@code TopologyTestDriver}: its data steps upper-case the text, and its
 * marks come from three upstream sources; its own input topic has four partitions.
 */
class ProgressStageTest {

    private static final Instant T0 = Instant.parse("2025-01-10T08:00:00Z");
    private static final InBandSerde<String> TEXT = InBandSerde.of(Serdes.String());

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> data;
    private TestInputTopic<String, byte[]> marks;
    private TestOutputTopic<String, byte[]> out;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, InBand<String>> in = builder.stream("in", Consumed.with(Serdes.String(), TEXT));
        ProgressStage.around(builder, "stage", in, PartitionCounts.fixed(4),
                        (KStream<String, String> text) -> text.mapValues(value -> value.toUpperCase()))
                .to("out", Produced.with(Serdes.String(), TEXT).withStreamPartitioner(new ProgressPartitioner<>()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "progress-stage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq");
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        driver = new TopologyTestDriver(builder.build(), props, T0);
        data = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        marks = driver.createInputTopic("in", new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic("out", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void mark(ProgressMark mark) {
        marks.pipeInput(Marks.testRecord(mark, T0));
    }

    private static long at(int second) {
        return T0.plusSeconds(second).toEpochMilli();
    }

    /** What came out, data as its text and marks as {@code mark:<time>} or {@code mark:caught-up}. */
    private List<String> output() {
        List<String> items = new ArrayList<>();
        for (TestRecord<String, byte[]> record : out.readRecordsToList()) {
            InBand<String> item = TEXT.deserializer().deserialize("out", record.headers(), record.value());
            if (item instanceof InBand.Mark<String> mark) {
                ProgressMark m = mark.mark();
                assertEquals(0, m.source(), "the task of partition 0 of the stage's input");
                assertEquals(4, m.sources(), "the stage has as many tasks as its input topic has partitions");
                items.add(m.caughtUp() ? "mark:caught-up" : "mark:" + (m.time() - T0.toEpochMilli()) / 1000);
            } else {
                items.add(InBand.value(item));
            }
        }
        return items;
    }

    @Test
    void theMarksOfAllUpstreamSourcesBecomeOneMarkOfTheStageInOrderWithItsData() {
        data.pipeInput("k1", "first", T0);
        mark(ProgressMark.at(0, 3, at(5)));
        mark(ProgressMark.at(1, 3, at(7)));
        assertEquals(List.of("FIRST"), output(), "source 2 has not spoken: nothing can be claimed");
        data.pipeInput("k2", "second", T0);
        mark(ProgressMark.at(2, 3, at(6)));
        data.pipeInput("k3", "third", T0);
        assertEquals(List.of("SECOND", "mark:5", "THIRD"), output(), "the least of the three, after what preceded it");
    }

    @Test
    void theStageIsCaughtUpOnceEverySourceIs() {
        mark(ProgressMark.caughtUp(0, 3, at(1)));
        mark(ProgressMark.caughtUp(1, 3, at(1)));
        mark(ProgressMark.at(2, 3, at(4)));
        assertEquals(List.of("mark:4"), output());
        driver.advanceWallClockTime(ProgressStage.MARK_INTERVAL);
        mark(ProgressMark.caughtUp(2, 3, at(4)));
        assertEquals(List.of("mark:caught-up"), output());
    }

    @Test
    void progressGoingDownPassesAtOnceGoingUpAtMostEveryInterval() {
        for (int source = 0; source < 3; source++) {
            mark(ProgressMark.at(source, 3, at(5)));
        }
        assertEquals(List.of("mark:5"), output());
        for (int source = 0; source < 3; source++) {
            mark(ProgressMark.at(source, 3, at(8)));
        }
        assertEquals(List.of(), output(), "went up within the interval: it waits");
        driver.advanceWallClockTime(ProgressStage.MARK_INTERVAL);
        assertEquals(List.of("mark:8"), output());
        mark(ProgressMark.at(1, 3, at(6)));
        assertEquals(List.of("mark:6"), output(), "a source took its claim back: passed on before its data follows");
    }

    @Test
    void anUnchangedMarkIsRepeatedEveryHeartbeat() {
        for (int source = 0; source < 3; source++) {
            mark(ProgressMark.caughtUp(source, 3, at(2)));
        }
        assertEquals(List.of("mark:caught-up"), output());
        driver.advanceWallClockTime(ProgressStage.HEARTBEAT.minusSeconds(1));
        assertEquals(List.of(), output());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of("mark:caught-up"), output());
    }

    @Test
    void aMarkThatCannotBeReadIsNeitherDataNorADeadLetter() {
        marks.pipeInput(new TestRecord<>(ProgressMark.KEY, "{oops".getBytes(StandardCharsets.UTF_8),
                ProgressMark.headers(), T0));
        data.pipeInput("k1", "text", T0);
        assertEquals(List.of("TEXT"), output());
        assertTrue(driver.producedTopicNames().stream().noneMatch(topic -> topic.equals("dlq")),
                driver.producedTopicNames().toString());
    }

    @Test
    void aRestartedTaskKeepsWhatItKnewOfItsSources(@TempDir File stateDir) {
        KeyValueStore<Integer, ProgressMark> store = ProgressBoard.store("stage").withLoggingDisabled().build();
        MockProcessorContext<String, InBand<String>> before = context(store, stateDir);
        ProgressRelay<String, String> first = new ProgressRelay<>("stage", PartitionCounts.fixed(4));
        first.init(before);
        first.process(markRecord(ProgressMark.at(0, 3, at(5))));
        first.process(markRecord(ProgressMark.at(1, 3, at(7))));
        assertEquals(List.of(), before.forwarded());

        MockProcessorContext<String, InBand<String>> after = context(store, stateDir);
        ProgressRelay<String, String> second = new ProgressRelay<>("stage", PartitionCounts.fixed(4));
        second.init(after);
        second.process(markRecord(ProgressMark.at(2, 3, at(9))));
        assertEquals(List.of(InBand.<String>mark(ProgressMark.at(0, 4, at(5)))),
                after.forwarded().stream().map(f -> f.record().value()).toList());
    }

    private static Record<String, InBand<String>> markRecord(ProgressMark mark) {
        return new Record<>(ProgressMark.KEY, InBand.mark(mark), T0.toEpochMilli(), ProgressMark.headers());
    }

    private static MockProcessorContext<String, InBand<String>> context(KeyValueStore<Integer, ProgressMark> store,
                                                                        File stateDir) {
        MockProcessorContext<String, InBand<String>> context = TaskContexts.over(List.of(store), stateDir, T0);
        context.setRecordMetadata("in", 0, 0);
        return context;
    }
}
