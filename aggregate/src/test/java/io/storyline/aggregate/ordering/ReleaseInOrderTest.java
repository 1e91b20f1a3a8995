package io.storyline.aggregate.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.common.json.JsonSerde;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.InBandSerde;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.testing.Marks;
import io.storyline.common.testing.TaskContexts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ordering stage alone, fed articles as if from two input partitions in an arbitrary interleaving, with the
 * progress marks of those partitions' tasks.
 */
class ReleaseInOrderTest {

    private static final Instant T0 = Instant.parse("2024-03-05T10:00:00Z");
    private static final JsonSerde<OrderEnvelope> ENVELOPES = JsonSerde.of(OrderEnvelope.class);

    private TopologyTestDriver driver;
    private TestInputTopic<String, InBand<OrderEnvelope>> in;
    private TestInputTopic<String, byte[]> rawIn;
    private TestOutputTopic<String, ArticleFeatures> out;

    private void start(Duration maxWait) {
        StreamsBuilder builder = new StreamsBuilder();
        OrderingStores stores = new OrderingStores("test-");
        stores.builders().forEach(builder::addStateStore);
        JsonSerde<ArticleFeatures> articles = JsonSerde.of(ArticleFeatures.class);
        builder.stream("in", Consumed.with(Serdes.String(), InBandSerde.of(ENVELOPES)))
                .process(() -> new ReleaseInOrder(stores, maxWait), stores.names())
                .to("out", Produced.with(Serdes.String(), articles));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "release-in-order-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props, T0);
        in = driver.createInputTopic("in", Serdes.String().serializer(), InBandSerde.of(ENVELOPES).serializer());
        rawIn = driver.createInputTopic("in", new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), articles.deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void arrive(int partition, String id, long second) {
        in.pipeInput(id, InBand.data(OrderEnvelope.article(partition, second, article(id))), T0.plusSeconds(second));
    }

    /** Partition {@code partition} (of two) will deliver nothing before {@code second}. */
    private void passed(int partition, long second) {
        rawIn.pipeInput(Marks.testRecord(ProgressMark.at(partition, 2, T0.plusSeconds(second).toEpochMilli()), T0));
    }

    private void caughtUp(int partition) {
        rawIn.pipeInput(Marks.testRecord(ProgressMark.caughtUp(partition, 2, T0.toEpochMilli()), T0));
    }

    private List<String> released() {
        return out.readValuesToList().stream().map(ArticleFeatures::id).toList();
    }

    @Test
    void articlesLeaveInRecordTimeOrderOnceEveryPartitionHasPassedThem() {
        start(Duration.ZERO);
        arrive(0, "a3", 3);
        arrive(0, "a5", 5);
        passed(0, 5);
        assertEquals(List.of(), released(), "partition 1 has said nothing yet");
        arrive(1, "b1", 1);
        passed(1, 1);
        assertEquals(List.of(), released(), "partition 1 may still deliver another article of second 1");
        arrive(1, "b4", 4);
        passed(1, 4);
        assertEquals(List.of("b1", "a3"), released(), "both partitions are past 3 s, not yet past 4 s");
        caughtUp(1);
        assertEquals(List.of("b4"), released(), "partition 0 is past 4 s, partition 1 has nothing left");
        caughtUp(0);
        assertEquals(List.of("a5"), released());
    }

    @Test
    void noTimerMovesTheOrderPastAPartitionThatIsBehind() {
        start(Duration.ZERO);
        arrive(0, "a1", 1);
        caughtUp(0);
        passed(1, 0);
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertEquals(List.of(), released(), "partition 1 is behind, not idle: a1 waits however long it takes");
        arrive(1, "b0", 0);
        passed(1, 2);
        assertEquals(List.of("b0", "a1"), released());
    }

    @Test
    void aPartitionThatNeverDeliversAnArticleHoldsNothingBackOnceCaughtUp() {
        start(Duration.ZERO);
        arrive(0, "a1", 1);
        arrive(0, "a2", 2);
        caughtUp(0);
        assertEquals(List.of(), released(), "partition 1 has not spoken: it may still deliver something earlier");
        caughtUp(1);
        assertEquals(List.of("a1", "a2"), released());
    }

    @Test
    void aCaughtUpPartitionThatResumesHoldsTheOthersBackAgain() {
        start(Duration.ZERO);
        arrive(0, "a1", 1);
        caughtUp(1);
        passed(0, 2);
        assertEquals(List.of("a1"), released());
        passed(1, 3);   // partition 1 delivers again, from 3 s on
        arrive(0, "a4", 4);
        passed(0, 5);
        assertEquals(List.of(), released(), "partition 1 is back and has not passed 4 s");
        arrive(1, "b3", 3);
        passed(1, 6);
        assertEquals(List.of("b3", "a4"), released());
    }

    @Test
    void articlesOfTheSameMomentLeaveInIdOrderWhateverTheirArrival() {
        start(Duration.ZERO);
        arrive(1, "m2", 7);
        arrive(0, "m1", 7);
        passed(0, 7);
        passed(1, 7);
        assertEquals(List.of(), released(), "a partition at 7 s may still deliver another article of 7 s");
        passed(0, 8);
        passed(1, 8);
        assertEquals(List.of("m1", "m2"), released());
    }

    @Test
    void lateDataOfALiveFeedIsClusteredAtOnceAndCounted() {
        start(Duration.ZERO);
        arrive(0, "x", 10);
        arrive(1, "y", 11);
        caughtUp(0);
        caughtUp(1);
        assertEquals(List.of("x", "y"), released());
        assertEquals(0.0, lateArrivals());
        arrive(1, "straggler", 9);
        assertEquals(List.of("straggler"), released(), "below what was clustered already: it goes at once");
        assertEquals(1.0, lateArrivals());
        arrive(0, "next", 12);
        assertEquals(List.of("next"), released(), "not late: both partitions are still caught up");
        assertEquals(1.0, lateArrivals());
    }

    @Test
    void marksThatCannotBeReadAreIgnored() {
        start(Duration.ZERO);
        arrive(0, "a1", 1);
        rawIn.pipeInput(new TestRecord<>(null, "{\"schema_version\": 9}".getBytes(StandardCharsets.UTF_8),
                ProgressMark.headers(), T0));
        rawIn.pipeInput(new TestRecord<>(null, "not json".getBytes(StandardCharsets.UTF_8), ProgressMark.headers(),
                T0));
        assertEquals(List.of(), released());
        caughtUp(0);
        caughtUp(1);
        assertEquals(List.of("a1"), released());
    }

    @Test
    void withoutTheValveAnArticleWaitsForProgressHoweverLong() {
        start(Duration.ZERO);
        arrive(0, "a1", 1);
        driver.advanceWallClockTime(Duration.ofDays(1));
        assertEquals(List.of(), released());
    }

    @Test
    void theValveReleasesAnArticleThatWaitedItsLimit() {
        start(Duration.ofMinutes(5));
        arrive(0, "a1", 1);
        driver.advanceWallClockTime(Duration.ofMinutes(4));
        assertEquals(List.of(), released());
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertEquals(List.of("a1"), released());
    }

    @Test
    void aRestartedTaskKeepsItsBufferAndWhatItKnowsOfEveryPartition(@TempDir File stateDir) {
        OrderingStores stores = new OrderingStores("restart-");
        List<KeyValueStore<?, ?>> state = stores.builders().stream()
                .<KeyValueStore<?, ?>>map(builder -> (KeyValueStore<?, ?>) builder.withLoggingDisabled().build())
                .toList();
        MockProcessorContext<String, ArticleFeatures> before = context(state, stateDir);
        ReleaseInOrder first = new ReleaseInOrder(stores, Duration.ZERO);
        first.init(before);
        first.process(mark(ProgressMark.caughtUp(1, 2, 0)));
        first.process(data(0, "a1", 1));
        first.process(data(0, "a2", 2));
        first.process(mark(ProgressMark.at(0, 2, T0.plusSeconds(2).toEpochMilli())));
        assertEquals(List.of("a1"), forwarded(before));

        MockProcessorContext<String, ArticleFeatures> after = context(state, stateDir);
        ReleaseInOrder second = new ReleaseInOrder(stores, Duration.ZERO);
        second.init(after);
        second.process(mark(ProgressMark.caughtUp(0, 2, 0)));
        assertEquals(List.of("a2"), forwarded(after), "partition 1's mark and a2 survived the restart");
    }

    private static MockProcessorContext<String, ArticleFeatures> context(List<KeyValueStore<?, ?>> stores,
                                                                        File stateDir) {
        return TaskContexts.over(stores, stateDir, T0);
    }

    private static Record<String, InBand<OrderEnvelope>> data(int partition, String id, long second) {
        return new Record<>(id, InBand.data(OrderEnvelope.article(partition, second, article(id))),
                T0.plusSeconds(second).toEpochMilli());
    }

    private static Record<String, InBand<OrderEnvelope>> mark(ProgressMark mark) {
        return new Record<>(null, InBand.mark(mark), 0L, ProgressMark.headers());
    }

    private static List<String> forwarded(MockProcessorContext<String, ArticleFeatures> context) {
        return context.forwarded().stream().map(f -> f.record().value().id()).toList();
    }

    private double lateArrivals() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(ReleaseInOrder.LATE_ARRIVALS + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static ArticleFeatures article(String id) {
        return new ArticleFeatures(id, "s", "t", true, "h", 0, 0, null, "", Map.of(), Map.of(), List.of(), List.of(),
                null, null, null, List.of(), List.of(), "en");
    }
}
