package io.storyline.aggregate;

import io.storyline.common.testing.RecordContracts;
import static io.storyline.aggregate.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.testing.Marks;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
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

class AggregateTopologyTest {

    static final EnrichedArticle FIRE_GAZETTE = article("fire-1").source("gazette.example")
            .title("Warehouse fire in Millbrook injures two firefighters")
            .body("A fire tore through a furniture warehouse on Orchard Road in Millbrook on Monday night, injuring "
                    + "two firefighters. Fire chief Dana Okafor said the blaze started in a loading bay.")
            .entities("LOCATION:Millbrook", "LOCATION:Orchard Road", "PERSON:Dana Okafor")
            .eventDate("2024-03-04").build();
    static final EnrichedArticle FIRE_HERALD = article("fire-2").source("herald.example")
            .title("Two firefighters hurt as Millbrook furniture warehouse burns")
            .body("Two firefighters were hurt when a furniture warehouse on Orchard Road burned in Millbrook late "
                    + "Monday. The blaze began in a loading bay, fire chief Dana Okafor told reporters.")
            .entities("LOCATION:Millbrook", "LOCATION:Orchard Road", "PERSON:Dana Okafor")
            .eventDate("2024-03-04").build();
    static final EnrichedArticle SCHOOL_VOTE = article("vote-1").source("gazette.example")
            .title("Harlow voters approve school budget")
            .body("Voters in Harlow approved the district school budget on Tuesday by a wide margin, superintendent "
                    + "Lee Marsh said, clearing the way for a new library wing.")
            .entities("LOCATION:Harlow", "PERSON:Lee Marsh")
            .eventDate("2024-03-05").build();

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestInputTopic<String, byte[]> marks;
    private TestOutputTopic<String, Incident> incidents;
    private TestOutputTopic<String, IncidentEvent> events;
    private final Topics topics = Topics.defaults();

    @BeforeEach
    void start() {
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092"));
        Properties props = StreamsSettings.of(new AggregateService(), config, topics);
        driver = new TopologyTestDriver(AggregateTopology.build(AggregateSettings.from(config), topics,
                PartitionCounts.fixed(1)), props);
        enriched = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
        marks = driver.createInputTopic(topics.enriched().name(), new StringSerializer(), new ByteArraySerializer());
        // Every record the tests read is checked against the published schema of its topic.
        incidents = driver.createOutputTopic(topics.incidents().name(), new StringDeserializer(),
                RecordContracts.checking(topics.incidents(), topics.incidents().valueSerde().deserializer()));
        events = driver.createOutputTopic(topics.incidentEvents().name(), new StringDeserializer(),
                RecordContracts.checking(topics.incidentEvents(), topics.incidentEvents().valueSerde().deserializer()));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private Instant clock = Instant.parse("2024-03-05T10:00:00Z");

    private void send(EnrichedArticle article) {
        clock = clock.plusSeconds(1);
        enriched.pipeInput(article.article().id(), article, clock);
    }

    /** Enrich (played by the test) has delivered everything: the ordering stage releases what it holds. */
    private void upstreamCaughtUp() {
        marks.pipeInput(Marks.testRecord(Marks.caughtUp(), clock));
    }

    @Test
    void twoSourcesOnOneEventMakeOneCorroboratedIncidentAndAnUnrelatedArticleItsOwn() {
        send(FIRE_GAZETTE);
        send(FIRE_HERALD);
        send(SCHOOL_VOTE);
        upstreamCaughtUp();

        Map<String, Incident> latest = incidents.readKeyValuesToMap();
        assertEquals(2, latest.size(), latest.toString());
        Incident fire = latest.values().stream().filter(i -> i.articleIds().contains("fire-1")).findFirst()
                .orElseThrow();
        assertEquals(List.of("fire-1", "fire-2"), fire.articleIds());
        assertEquals(2, fire.sourceCount());
        assertEquals(List.of("gazette.example", "herald.example"), fire.sources());
        assertEquals("2024-03-04", fire.eventDate());
        assertEquals("OPEN", fire.status());
        assertEquals("Millbrook", fire.locations().get(0).canonical());
        Incident vote = latest.values().stream().filter(i -> i.articleIds().contains("vote-1")).findFirst()
                .orElseThrow();
        assertEquals(List.of("vote-1"), vote.articleIds());
        assertNotEquals(fire.incidentId(), vote.incidentId());

        List<TestRecord<String, IncidentEvent>> all = events.readRecordsToList();
        assertEquals(List.of("OPENED", "ARTICLE_ADDED", "CORROBORATED", "OPENED"),
                all.stream().map(r -> r.value().type()).toList());
        assertTrue(all.stream().allMatch(r -> r.key().equals(r.value().incidentId())));
        assertEquals(fire.incidentId(), all.get(2).key());
        assertEquals(2, all.get(2).value().sourceCount());
    }

    @Test
    void aReprintJoinsTheIncidentOfItsOriginalWithoutCountingAsASource() {
        EnrichedArticle original = article("fire-1").source("gazette.example")
                .title(FIRE_GAZETTE.article().title()).body(FIRE_GAZETTE.article().body())
                .minhash(TestArticles.minhash("fire", 0)).build();
        EnrichedArticle reprint = article("fire-copy").source("aggregator.example")
                .title(FIRE_GAZETTE.article().title()).body(FIRE_GAZETTE.article().body() + " Photo: staff")
                .minhash(TestArticles.minhash("fire", 4)).build();
        send(original);
        send(reprint);
        upstreamCaughtUp();

        Incident incident = incidents.readKeyValuesToMap().values().iterator().next();
        assertEquals(List.of("fire-1", "fire-copy"), incident.articleIds());
        assertEquals(2, incident.articleCount());
        assertEquals(1, incident.sourceCount());
        assertEquals(List.of("gazette.example"), incident.sources());
        assertEquals(List.of(new Incident.Duplicate("fire-copy", "fire-1")), incident.duplicates());
        assertEquals(List.of("OPENED", "DUPLICATE_SEEN"),
                events.readValuesToList().stream().map(IncidentEvent::type).toList());
    }

    @Test
    void aCorrectionUpdatesItsIncidentInsteadOfAddingAMember() {
        send(FIRE_GAZETTE);
        send(FIRE_HERALD);
        EnrichedArticle corrected = article("fire-2").source("herald.example")
                .title("Three firefighters hurt as Millbrook furniture warehouse burns")
                .body(FIRE_HERALD.article().body().replace("Two", "Three"))
                .entities("LOCATION:Millbrook", "LOCATION:Orchard Road", "PERSON:Dana Okafor")
                .eventDate("2024-03-04").build();
        send(corrected);
        send(corrected);
        upstreamCaughtUp();

        Map<String, Incident> latest = incidents.readKeyValuesToMap();
        assertEquals(1, latest.size());
        Incident fire = latest.values().iterator().next();
        assertEquals(List.of("fire-1", "fire-2"), fire.articleIds());
        assertEquals(2, fire.sourceCount());
        assertEquals(List.of("OPENED", "ARTICLE_ADDED", "CORROBORATED", "ARTICLE_UPDATED"),
                events.readValuesToList().stream().map(IncidentEvent::type).toList(),
                "the same version again changes nothing");
    }

    @Test
    void anUnreadableSignatureIsDeadLetteredWithTheOriginalBytes() {
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.enriched().name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        EnrichedArticle bad = article("bad").title("t").body("b").minhash("not-hex").build();
        byte[] bytes = topics.enriched().valueSerde().serializer().serialize("t", bad);
        raw.pipeInput("bad".getBytes(StandardCharsets.UTF_8), bytes);
        send(SCHOOL_VOTE);
        upstreamCaughtUp();

        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(),
                new ByteArrayDeserializer(), RecordContracts.checking(topics.dlq(), new ByteArrayDeserializer()));
        TestRecord<byte[], byte[]> letter = dlq.readRecord();
        assertEquals("bad", new String(letter.key(), StandardCharsets.UTF_8));
        assertEquals(new String(bytes, StandardCharsets.UTF_8), new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals("signature-invalid", DeadLetterHeaders.read(letter.headers()).get(DeadLetterHeaders.REASON));
        assertTrue(dlq.isEmpty());
        assertEquals(List.of(List.of("vote-1")), List.copyOf(members(incidents.readKeyValuesToMap()).values()),
                "the service carries on");
    }

    static Map<String, List<String>> members(Map<String, Incident> incidents) {
        return incidents.values().stream().collect(Collectors.toMap(Incident::incidentId, Incident::articleIds));
    }
}
