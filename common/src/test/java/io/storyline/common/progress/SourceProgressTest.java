package io.storyline.common.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.testing.TaskContexts;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress at the source: a task reading partition 0 of a two-partition topic {@code raw}, with its consumer's lag
 * recorded as the consumer records it (a {@code records-lag} metric seen by {@link ConsumerLag.Reporter}).
 */
class SourceProgressTest {

    private static final Instant T0 = Instant.parse("2025-01-10T08:00:00Z");
    private static final InBandSerde<String> TEXT = InBandSerde.of(Serdes.String());

    /** Forwards each record with its effective time, as ingest's parse step does. */
    static final class Source implements Processor<String, String, String, InBand<String>> {
        private ProcessorContext<String, InBand<String>> context;
        private SourceProgress<String, String> progress;

        @Override
        public void init(ProcessorContext<String, InBand<String>> context) {
            this.context = context;
            this.progress = SourceProgress.start(context, "raw-progress", "raw", PartitionCounts.fixed(2));
        }

        @Override
        public void process(Record<String, String> record) {
            long time = progress.admit(record.timestamp());
            context.forward(new Record<>(record.key(), InBand.data(record.value()), time));
        }
    }

    private final Metrics consumerMetrics = new Metrics();
    private Sensor lag;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> raw;
    private TestOutputTopic<String, byte[]> out;

    @BeforeEach
    void start() {
        ConsumerLag lags = new ConsumerLag();
        ConsumerLag.Reporter reporter = new ConsumerLag.Reporter();
        reporter.configure(Map.of(ConsumerLag.CONFIG, lags));
        consumerMetrics.addReporter(reporter);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(SourceProgress.store("raw-progress"));
        builder.stream("raw", Consumed.with(Serdes.String(), Serdes.String()))
                .process(Source::new, "raw-progress")
                .to("out", Produced.with(Serdes.String(), TEXT));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "source-progress-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(ConsumerLag.CONFIG, lags);
        driver = new TopologyTestDriver(builder.build(), props, T0);
        raw = driver.createInputTopic("raw", new StringSerializer(), new StringSerializer());
        out = driver.createOutputTopic("out", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        consumerMetrics.close();
    }

    /**
     * The consumer's fetch handed out what it fetched and left {@code records} behind; the sensor appears at the
     * first fetch, as the consumer's does. The driver punctuates on this thread, as a stream thread does with its
     * own consumer.
     */
    private void fetched(long records) {
        if (lag == null) {
            lag = consumerMetrics.sensor("lag");
            lag.add(consumerMetrics.metricName(ConsumerLag.METRIC, ConsumerLag.GROUP, Map.of("client-id",
                    Thread.currentThread().getName() + "-consumer", "topic", "raw", "partition", "0")), new Value());
        }
        lag.record(records);
    }

    private void read(String text, int second) {
        raw.pipeInput("k", text, T0.plusSeconds(second));
    }

    private void check() {
        driver.advanceWallClockTime(ProgressStage.MARK_INTERVAL);
    }

    /** Data as {@code text@second}, marks as {@code mark@second} or {@code caught-up}. */
    private List<String> output() {
        List<String> items = new ArrayList<>();
        for (TestRecord<String, byte[]> record : out.readRecordsToList()) {
            InBand<String> item = TEXT.deserializer().deserialize("out", record.headers(), record.value());
            long second = (record.timestamp() - T0.toEpochMilli()) / 1000;
            if (item instanceof InBand.Mark<String> mark) {
                assertEquals(0, mark.mark().source());
                assertEquals(2, mark.mark().sources());
                items.add(mark.mark().caughtUp() ? "caught-up" : "mark@" + (mark.mark().time()
                        - T0.toEpochMilli()) / 1000);
            } else {
                items.add(InBand.value(item) + "@" + second);
            }
        }
        return items;
    }

    @Test
    void recordsTakeTheLargestRecordTimeOfTheirPartitionSoFar() {
        read("a", 10);
        read("b", 5);
        read("c", 12);
        assertEquals(List.of("mark@10", "a@10", "b@10", "c@12"), output(),
                "a first mark says the task is delivering (a restart may follow a caught-up claim)");
        check();
        assertEquals(List.of("mark@12"), output());
        check();
        assertEquals(List.of(), output(), "unchanged: no mark");
    }

    @Test
    void aPartitionIsCaughtUpWhenItsConsumerHasNothingLeftAndTheTaskNothingBuffered() {
        read("a", 1);
        fetched(0);
        check();
        assertEquals(List.of("mark@1", "a@1"), output(), "a record was processed in this interval");
        check();
        assertEquals(List.of("caught-up"), output());
    }

    @Test
    void aPartitionWithLagLeftIsNeverCaughtUp() {
        read("a", 1);
        fetched(4);
        for (int i = 0; i < 5; i++) {
            check();
        }
        assertEquals(List.of("mark@1", "a@1"), output());
    }

    @Test
    void aPartitionThatNeverDeliversIsCaughtUpOnceItsConsumerHasFetchedNothing() {
        check();
        check();
        assertEquals(List.of(), output(), "no fetch yet: nothing is known");
        fetched(0);
        check();
        assertEquals(List.of("caught-up"), output());
    }

    @Test
    void aCaughtUpPartitionThatResumesTakesItsClaimBackBeforeItsNextRecord() {
        read("a", 3);
        fetched(0);
        check();
        check();
        assertEquals(List.of("mark@3", "a@3", "caught-up"), output());
        read("late", 2);
        assertEquals(List.of("mark@3", "late@3"), output());
    }

    @Test
    void anUnchangedClaimIsRepeatedEveryHeartbeat() {
        fetched(0);
        check();
        check();
        assertEquals(List.of("caught-up"), output(), "the first check after a start does not trust the buffer");
        driver.advanceWallClockTime(ProgressStage.HEARTBEAT);
        assertEquals(List.of("caught-up"), output());
    }

    @Test
    void aRestartedTaskResumesTheEffectiveTimeOfItsCommittedState(@TempDir File stateDir) {
        KeyValueStore<Integer, Long> store = SourceProgress.store("raw-progress").withLoggingDisabled().build();
        MockProcessorContext<String, InBand<String>> before = context(store, stateDir);
        Source first = new Source();
        first.init(before);
        first.process(new Record<>("k", "a", T0.plusSeconds(9).toEpochMilli()));

        MockProcessorContext<String, InBand<String>> after = context(store, stateDir);
        Source second = new Source();
        second.init(after);
        second.process(new Record<>("k", "b", T0.plusSeconds(4).toEpochMilli()));
        assertEquals(T0.plusSeconds(9).toEpochMilli(), after.forwarded().get(1).record().timestamp());
    }

    private static MockProcessorContext<String, InBand<String>> context(KeyValueStore<Integer, Long> store,
                                                                        File stateDir) {
        return TaskContexts.over(List.of(store), stateDir, T0);
    }
}
