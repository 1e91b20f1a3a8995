package io.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;

/** No input crashes ingest, and every input ends in exactly one place. */
class IngestProperties {

    private static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z");
    private final Ingestor ingestor = new Ingestor(IngestSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private IngestDriver driver;

    @Provide
    Arbitrary<RawInputs.Input> inputs() {
        return RawInputs.inputs();
    }

    @Property(tries = 1500)
    void everyRecordYieldsArticlesAndRejectionsOrOneReasonedRejection(@ForAll("inputs") RawInputs.Input input) {
        List<ItemOutcome> outcomes;
        try {
            outcomes = ingestor.ingest(new RawRecord(null, input.value(), input.contentType(), NOW.toEpochMilli()));
        } catch (RejectedRecordException e) {
            assertNotEquals("unexpected-error", e.reasonCode(), () -> "a bug, not bad input: " + e.getCause());
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection says why");
            Statistics.label("record").collect("rejected as a whole");
            return;
        }
        assertFalse(outcomes.isEmpty(), "a record that is not rejected holds at least one article or item");
        Statistics.label("record").collect(outcomes.stream().allMatch(o -> o instanceof ItemOutcome.Accepted)
                ? "all articles" : "some items rejected");
        for (ItemOutcome outcome : outcomes) {
            if (outcome instanceof ItemOutcome.Accepted accepted) {
                Article article = accepted.article();
                // What ingest writes must be what the next stage can read back.
                assertDoesNotThrow(article::validate);
                assertEquals(article, Topics.ARTICLE_SERDE.fromBytes(Topics.ARTICLE_SERDE.toBytes(article)));
            } else {
                ItemOutcome.Rejected rejected = (ItemOutcome.Rejected) outcome;
                assertNotEquals("unexpected-error", rejected.reasonCode(), rejected.reason());
                assertFalse(rejected.reason().isBlank());
            }
        }
    }

    @Property(tries = 400)
    void throughTheTopologyEveryItemEndsInArticlesOrTheDeadLetterTopic(@ForAll("inputs") RawInputs.Input input) {
        if (driver == null) {
            driver = new IngestDriver();
        }
        int items;
        boolean wholeRecordRejected = false;
        try {
            items = ingestor.ingest(new RawRecord(null, input.value(), input.contentType(), NOW.toEpochMilli())).size();
        } catch (RejectedRecordException e) {
            items = 1;
            wholeRecordRejected = true;
        }
        long duplicatesBefore = driver.counters.duplicatesDropped();
        driver.send(null, input.value(), input.contentType(), NOW);
        int articles = driver.articles().size();
        int letters = driver.deadLetters().size();
        long duplicates = driver.counters.duplicatesDropped() - duplicatesBefore;
        assertEquals(items, articles + letters + duplicates,
                "articles " + articles + ", dead letters " + letters + ", re-sends dropped " + duplicates);
        if (wholeRecordRejected) {
            assertEquals(1, letters, "a rejected record is dead-lettered once, whole");
        }
    }

    @AfterProperty
    void closeDriver() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }
}
