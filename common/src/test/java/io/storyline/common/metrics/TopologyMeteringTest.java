package io.storyline.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storyline.common.deadletter.DeadLetter;
import io.storyline.common.deadletter.DeadLetterHandler;
import io.storyline.common.deadletter.DeadLetters;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** The counting processors on a real topology: what they count, and that the topology's output is unchanged. */
class TopologyMeteringTest {

    private static final String IN = "t.in";
    private static final String OUT = "t.out";
    private static final String DLQ = "t.dlq";

    /** Upper-cases words; "drop" is filtered out, "junk" is dead-lettered as a part, "boom" is thrown. */
    static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        var branches = builder.stream(IN, Consumed.with(Serdes.String(), Serdes.String()).withName("words"))
                .filter((key, word) -> !word.equals("drop"), Named.as("drop-some"))
                .mapValues(word -> {
                    if (word.equals("boom")) {
                        throw new RejectedRecordException("test-boom", "asked to fail");
                    }
                    return word;
                }, Named.as("maybe-fail"))
                .split(Named.as("words-"))
                .branch((key, word) -> word.equals("junk"), Branched.as("junk"))
                .defaultBranch(Branched.as("good"));
        KStream<String, DeadLetter> junk = branches.get("words-junk").mapValues(word ->
                new DeadLetter(null, word.getBytes(StandardCharsets.UTF_8), "test-junk", "junk word"),
                Named.as("junk-letters"));
        DeadLetters.sendTo(junk, DLQ, "test");
        branches.get("words-good").mapValues(word -> word.toUpperCase(), Named.as("upper"))
                .to(OUT, Produced.with(Serdes.String(), Serdes.String()).withName("out"));
        return builder.build();
    }

    static double count(MeterRegistry registry, String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsRecordsInOutRejectedAndTheirLatencyWithoutChangingTheOutput() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Topology topology = TopologyMetering.instrument(topology(), Set.of(IN, OUT));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metering-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put("processing.exception.handler.global.enabled", "true");
        props.put(ServiceMetrics.CONFIG, ServiceMetrics.recordingInto(registry));
        Instant published = Instant.now().minus(Duration.ofSeconds(30));

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, String> in = driver.createInputTopic(IN, new StringSerializer(),
                    new StringSerializer());
            for (String word : List.of("alpha", "drop", "junk", "boom", "beta")) {
                in.pipeInput(word, word, published);
            }
            List<String> out = driver.createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer())
                    .readValuesToList();
            assertEquals(List.of("ALPHA", "BETA"), out, "the added processors forward nothing");
        }

        assertEquals(5, count(registry, "storyline.records.in", "topic", IN));
        assertEquals(2, count(registry, "storyline.records.out", "topic", OUT));
        assertNull(registry.find("storyline.records.out").tag("topic", DLQ).counter(),
                "dead letters are rejections, not output");
        assertEquals(1, count(registry, "storyline.records.rejected", "reason", "test-junk"));
        assertEquals(1, count(registry, "storyline.records.rejected", "reason", "test-boom"));
        Timer latency = registry.find("storyline.end.to.end.latency").tag("topic", OUT).timer();
        assertEquals(2, latency.count());
        assertTrue(latency.max(TimeUnit.SECONDS) >= 30, "latency runs from the record's timestamp: "
                + latency.max(TimeUnit.SECONDS));
    }

    @Test
    void incidentEventsWrittenCountOpenedMergedAndDuplicateIncidents() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(IN, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(type -> new IncidentEvent(IncidentEvent.SCHEMA_VERSION, type, "i-1", null, Instant.now(),
                        null, null, null, null, null, null))
                .to(OUT, Produced.with(Serdes.String(), Topics.INCIDENT_EVENT_SERDE));
        MeterRegistry registry = new SimpleMeterRegistry();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metering-events-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(ServiceMetrics.CONFIG, ServiceMetrics.recordingInto(registry));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TopologyMetering.instrument(builder.build(), Set.of(IN, OUT)), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic(IN, new StringSerializer(),
                    new StringSerializer());
            for (String type : List.of(IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED,
                    IncidentEventType.DUPLICATE_SEEN, IncidentEventType.OPENED, IncidentEventType.MERGED)) {
                in.pipeInput("i-1", type);
            }
        }
        assertEquals(2, registry.get("storyline.incidents.opened").counter().count());
        assertEquals(1, registry.get("storyline.incidents.merged").counter().count());
        assertEquals(1, registry.get("storyline.duplicates").counter().count());
        assertEquals(5, count(registry, "storyline.records.out", "topic", OUT));
    }

    @Test
    void aServiceShowsOnlyTheMetersItRecorded() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ServiceMetrics.recordingInto(registry).recordIn(IN);
        assertEquals(List.of("storyline.records.in"), registry.getMeters().stream().map(m -> m.getId().getName())
                .toList());
    }

    @Test
    void withoutARuntimeTheFacadeRecordsNowhere() {
        assertEquals(ServiceMetrics.none(), ServiceMetrics.of(Map.of()));
        assertEquals(ServiceMetrics.none(), ServiceMetrics.of(Map.of(ServiceMetrics.CONFIG, "not a recorder")));
    }
}
