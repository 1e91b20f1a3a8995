package io.storyline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.EnrichmentError;
import io.storyline.common.metrics.ServiceMetrics;
import io.storyline.common.metrics.TopologyMetering;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topics;
import io.storyline.enrich.signature.SignatureBuilder;
import io.storyline.enrich.steps.Steps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A step that fails on an article costs it that step's part, not the article: the record comes out on
 * {@code news.enriched} naming the step in {@code enrichment_errors}, nothing goes to {@code news.dlq}, and the
 * service counts the failure by step.
 */
class EnrichDegradesTest {

    /**
     * An enricher with a step of the kind others add later ("the casualty figure is the number after the colon"),
     * which has a defect on articles without a colon; it runs through {@link Steps} like every step.
     */
    static final class WithAFigureStep implements Enricher {
        private final SignatureBuilder signatures = new SignatureBuilder();

        @Override
        public EnrichedArticle enrich(Article article) {
            Steps steps = Steps.of(article.id());
            String figure = steps.run("figures", null, () -> article.body().split(":")[1].strip());
            return new EnrichedArticle(article, List.of(), List.of(), figure, null,
                    steps.run(Steps.SIGNATURE, ArticleEnricher.NO_SIGNATURE,
                            () -> signatures.build(article.title(), article.body(), article.language())),
                    null, steps.errors(), null);
        }
    }

    @Test
    void anArticleAStepFailsOnGoesOnWithoutThatPartAndTheFailureIsCountedByStep() {
        Topics topics = Topics.defaults();
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092"));
        EnrichService service = new EnrichService(settings -> new WithAFigureStep());
        MeterRegistry registry = new SimpleMeterRegistry();
        Properties props = StreamsSettings.of(service, config, topics);
        props.put(ServiceMetrics.CONFIG, ServiceMetrics.recordingInto(registry));

        try (TopologyTestDriver driver = new TopologyTestDriver(TopologyMetering.instrument(
                service.topology(config, topics), Set.of(topics.articles().name(), topics.enriched().name())),
                props)) {
            TestInputTopic<String, byte[]> articles = driver.createInputTopic(topics.articles().name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(topics.enriched().name(),
                    topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());

            articles.pipeInput("with", article("with", "Casualties: 4 injured near the station."));
            articles.pipeInput("without", article("without", "Four people were injured near the station."));

            List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
            assertEquals(List.of("with", "without"), out.stream().map(TestRecord::key).toList());
            assertNull(out.get(0).value().enrichmentErrors());
            EnrichedArticle degraded = out.get(1).value();
            assertEquals(List.of(new EnrichmentError("figures", "ArrayIndexOutOfBoundsException: "
                    + "Index 1 out of bounds for length 1")), degraded.enrichmentErrors());
            assertNull(degraded.eventDate(), "the failed step's part is empty");
            assertTrue(degraded.signature().terms().containsKey("injured"), "the other steps' parts are there");
            assertTrue(dlq.isEmpty(), "an article is never dead-lettered for a step's defect");
        }
        Counter failures = registry.find("storyline.enrichment.errors").tag("step", "figures").counter();
        assertEquals(1.0, failures == null ? 0 : failures.count());
    }

    private static byte[] article(String id, String body) {
        return Topics.ARTICLE_SERDE.toBytes(new Article(1, id, null, "example.org", "A title", body, "2025-04-02",
                "article", "en", Instant.parse("2025-04-02T08:00:00Z"), "hash-" + id));
    }
}
