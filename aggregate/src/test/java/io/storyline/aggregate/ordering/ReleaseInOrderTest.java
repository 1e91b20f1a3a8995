package io.storyline.aggregate.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.common.json.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ordering stage alone, fed envelopes as if from two input partitions in an arbitrary interleaving. */
class ReleaseInOrderTest {

    private static final Instant T0 = Instant.parse("2024-03-05T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderEnvelope> in;
    private TestOutputTopic<String, ArticleFeatures> out;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        OrderingStores stores = new OrderingStores("test-");
        stores.builders().forEach(builder::addStateStore);
        JsonSerde<OrderEnvelope> envelopes = JsonSerde.of(OrderEnvelope.class);
        JsonSerde<ArticleFeatures> articles = JsonSerde.of(ArticleFeatures.class);
        builder.stream("in", Consumed.with(Serdes.String(), envelopes))
                .process(() -> new ReleaseInOrder(stores, () -> 2, Duration.ofMillis(500),
                        Duration.ofSeconds(5), Duration.ofSeconds(60)), stores.names())
                .to("out", Produced.with(Serdes.String(), articles));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "release-in-order-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props, T0);
        in = driver.createInputTopic("in", Serdes.String().serializer(), envelopes.serializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), articles.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void arrive(int partition, String id, int second) {
        in.pipeInput(id, OrderEnvelope.article(partition, second, article(id)), T0.plusSeconds(second));
    }

    private void arriveAtMillis(int partition, String id, long millis) {
        in.pipeInput(id, OrderEnvelope.article(partition, millis, article(id)), T0.plusMillis(millis));
    }

    private List<String> released() {
        return out.readValuesToList().stream().map(ArticleFeatures::id).toList();
    }

    @Test
    void articlesLeaveInRecordTimeOrderOnceEveryPartitionHasPassedThem() {
        arrive(0, "a3", 3);
        arrive(0, "a5", 5);
        assertEquals(List.of(), released(), "partition 1 has said nothing yet");
        arrive(1, "b1", 1);
        assertEquals(List.of(), released(), "partition 1 may still send another article of second 1");
        arrive(1, "b4", 4);
        assertEquals(List.of("b1", "a3"), released(), "both partitions are past 3 s, not yet past 4 s");
        in.pipeInput("idle-1", OrderEnvelope.idleNote(1), T0);
        assertEquals(List.of(), released(), "b4 has not yet waited the idle timeout itself");
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of("b4"), released(), "an idle partition holds nothing back for long");
        in.pipeInput("idle-0", OrderEnvelope.idleNote(0), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of("a5"), released());
    }

    @Test
    void aPartitionWakingFromIdleStillGetsItsEarlierArticleInFirst() {
        arrive(0, "first", 1);
        arrive(1, "second", 2);
        in.pipeInput("idle-0", OrderEnvelope.idleNote(0), T0);
        in.pipeInput("idle-1", OrderEnvelope.idleNote(1), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of("first", "second"), released());
        arrive(0, "later", 5);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        arrive(1, "earlier", 3);
        assertEquals(List.of(), released());
        in.pipeInput("idle-0", OrderEnvelope.idleNote(0), T0);
        in.pipeInput("idle-1", OrderEnvelope.idleNote(1), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of("earlier", "later"), released());
    }

    @Test
    void aPartitionMayDeliverOutOfOrderByTheLatenessItIsAllowed() {
        arriveAtMillis(0, "x", 1500);
        arriveAtMillis(1, "y", 1600);
        arriveAtMillis(0, "w", 1200);
        assertEquals(List.of(), released(), "within half a second of the latest, an earlier article may follow");
        arriveAtMillis(0, "z", 3000);
        arriveAtMillis(1, "v", 3000);
        assertEquals(List.of("w", "x", "y"), released());
    }

    @Test
    void articlesOfTheSameMomentLeaveInIdOrderWhateverTheirArrival() {
        arrive(1, "m2", 7);
        arrive(0, "m1", 7);
        arrive(0, "z", 8);
        arrive(1, "y", 9);
        assertEquals(List.of("m1", "m2"), released());
    }

    @Test
    void aPartitionThatNeitherAdvancesNorIdlesHoldsOthersBackOnlyForTheMaximumWait() {
        arrive(0, "a1", 1);
        driver.advanceWallClockTime(Duration.ofSeconds(59));
        assertEquals(List.of(), released());
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertEquals(List.of("a1"), released());
    }

    @Test
    void anArticleLaterThanTheLatenessAllowsIsClusteredAtOnceAndCounted() {
        arriveAtMillis(0, "x", 1000);
        arriveAtMillis(1, "y", 1100);
        arriveAtMillis(0, "z", 2000);
        arriveAtMillis(1, "v", 2000);
        assertEquals(List.of("x", "y"), released());
        assertEquals(0.0, lateArrivals());
        arriveAtMillis(1, "straggler", 900);
        assertEquals(List.of("straggler"), released(), "nothing can still come before it: it goes at once");
        assertEquals(1.0, lateArrivals());
    }

    private double lateArrivals() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(ReleaseInOrder.LATE_ARRIVALS + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static ArticleFeatures article(String id) {
        return new ArticleFeatures(id, "s", "t", true, "h", 0, 0, null, "", Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
    }
}
