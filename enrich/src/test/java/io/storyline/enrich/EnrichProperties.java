package io.storyline.enrich;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topics;
import io.storyline.enrich.dates.ArticleDates;
import io.storyline.enrich.dates.DateExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * No article text makes an enrichment step fail, and every article comes out of enrich once. The steps are guarded
 * in the service (a failure costs the article only that part), so these properties ask more: that no step fails
 * at all on text of the kinds that tripped extractors before (amounts read as decades, impossible dates, other
 * scripts, endless sentences). Tries and sizes are chosen so the class runs in well under a minute on two cores;
 * the date tagger, which is cheap, gets the most tries.
 */
class EnrichProperties {

    /** Built once: CoreNLP's models take seconds to load. Properties run one try at a time. */
    private static final ArticleEnricher ENRICHER = new ArticleEnricher();
    private static final DateExtractor DATES = new DateExtractor();

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, EnrichedArticle> output;
    private TestOutputTopic<byte[], byte[]> dlq;
    private int sent;

    @Provide
    Arbitrary<Article> articles() {
        return Combinators.combine(NewsText.texts(1, 40), NewsText.texts(1, 6).injectNull(0.2),
                        Arbitraries.of("article", "feed", "record_timestamp"),
                        Arbitraries.of("2024-11-21", "2016-07-31T08:15:00-05:00", "1999-12-31", "2030-01-01"),
                        Arbitraries.of(Article.TEXT_BODY, Article.TEXT_SUMMARY, Article.TEXT_HEADLINE).injectNull(0.3))
                .as((body, title, dateSource, published, origin) -> article(title, body, published, dateSource,
                        origin));
    }

    @Property(tries = 2000)
    void theDateTaggerResolvesEveryGeneratedTextWithoutFailing(@ForAll("articles") Article article) {
        ArticleDates dated = DATES.extract(article);
        for (DateMention mention : dated.mentions()) {
            assertEquals(article.body().substring(mention.start(), mention.end()), mention.text());
        }
        if (dated.eventDate() != null) {
            String value = dated.eventDate().value();
            assertDoesNotThrow(() -> LocalDate.parse(value.length() == 7 ? value + "-01" : value.length() == 4
                    ? value + "-01-01" : value), value);
        }
    }

    @Property(tries = 200)
    void noEnrichmentStepFailsOnGeneratedText(@ForAll("articles") Article article) {
        EnrichedArticle enriched = ENRICHER.enrich(article);
        assertNull(enriched.enrichmentErrors(), () -> "a step failed: " + enriched.enrichmentErrors());
        assertDoesNotThrow(enriched::validate);
        for (Entity entity : enriched.entities()) {
            assertEquals(article.body().substring(entity.start(), entity.end()), entity.text());
        }
        for (DateMention mention : enriched.dates()) {
            assertEquals(article.body().substring(mention.start(), mention.end()), mention.text());
        }
        // What enrich writes, aggregate must read back.
        assertEquals(enriched, Topics.ENRICHED_SERDE.fromBytes(Topics.ENRICHED_SERDE.toBytes(enriched)));
    }

    @Property(tries = 40)
    void everyArticleComesOutOfTheTopologyOnceAndNoneIsDeadLettered(@ForAll("articles") Article article) {
        if (driver == null) {
            startDriver();
        }
        String key = "p-" + (++sent);
        input.pipeInput(key, Topics.ARTICLE_SERDE.toBytes(article));
        List<String> keys = output.readRecordsToList().stream().map(r -> r.key()).toList();
        assertEquals(List.of(key), keys);
        assertTrue(dlq.isEmpty(), "no dead letter for a valid article");
    }

    /** The largest body ingest passes on (1 MiB), and no sentence end in it: enriched, once, with every step. */
    @Example
    void aMegabyteOfTextWithoutPunctuationIsEnriched() {
        Random random = new Random(12);
        StringBuilder body = new StringBuilder(1 << 20);
        List<String> words = List.of("police", "said", "the", "shooting", "on", "Thursday", "in", "Kansas", "City",
                "shares", "fell", "to", "$3.40s", "1990s", "21st", "10:30", "2024-11-21", "Київ", "北京", "4.5%");
        while (body.length() < (1 << 20) - 20) {
            body.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        Article article = article("A long one", body.toString().strip(), "2024-11-21", "article", null);
        long started = System.nanoTime();
        EnrichedArticle enriched = ENRICHER.enrich(article);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("EnrichProperties: a %,d-byte body without punctuation enriched in %,d ms (%d entities,"
                        + " %d dates)%n", article.body().getBytes(StandardCharsets.UTF_8).length, millis,
                enriched.entities().size(), enriched.dates().size());
        assertNull(enriched.enrichmentErrors(), () -> "a step failed: " + enriched.enrichmentErrors());
        assertTrue(enriched.dates().size() > 1000, "dates are found all along the text");
    }

    @AfterProperty
    void closeDriver() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }

    private void startDriver() {
        Topics topics = Topics.defaults();
        StorylineConfig config = StorylineConfig.of(Map.of("bootstrap.servers", "unused:9092"));
        EnrichService service = new EnrichService(settings -> ENRICHER);
        driver = new TopologyTestDriver(service.topology(config, topics), StreamsSettings.of(service, config, topics));
        input = driver.createInputTopic(topics.articles().name(), new StringSerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keySerde().deserializer(),
                topics.enriched().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Article article(String title, String body, String published, String dateSource, String origin) {
        String text = Article.TEXT_HEADLINE.equals(origin) && title != null ? title : body;
        return new Article(Article.SCHEMA_VERSION, "gen-" + Integer.toHexString(text.hashCode()), null, "example.org",
                title, text, published, dateSource, "en", Instant.parse("2024-11-21T12:00:00Z"),
                "hash-" + Integer.toHexString(text.hashCode()), origin);
    }
}
