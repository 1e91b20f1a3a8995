package io.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class IngestTopologyTest {

    @Test
    void plainTextWithSourceLineAndDebrisBecomesOneCleanArticle() {
        try (IngestDriver driver = new IngestDriver()) {
            driver.send("feed-a", Fixtures.bytes("text-source-debris.txt"));
            List<Article> out = driver.articles();
            assertEquals(1, out.size());
            Article article = out.get(0);
            assertEquals("https://www.example-news.test/world/harlow-bend-floods-ar4471.html", article.url());
            assertEquals("example-news.test", article.source());
            assertFalse(article.body().contains("Comment (0)"), article.body());
            assertFalse(article.body().contains("Photo:"), article.body());
            assertFalse(article.body().contains("Source:"), article.body());
            assertTrue(article.body().startsWith("Emergency crews in the river town"));
            assertTrue(article.body().endsWith("three neighbouring districts."), article.body());
            assertEquals(IngestDriver.NOW.toString(), Instant.parse(article.publishedAt()).toString());
            assertEquals("record_timestamp", article.publishedAtSource());
            assertEquals("en", article.language());
            assertTrue(article.id().startsWith("url-"), article.id());
            assertEquals(64, article.contentHash().length());
            assertEquals(1, driver.counters.published());
        }
    }

    @Test
    void inlineDateMarkerGivesThePublicationDayAndLeavesTheFirstSentence() {
        try (IngestDriver driver = new IngestDriver()) {
            driver.send(null, Fixtures.bytes("text-inline-date.txt"));
            Article article = driver.articles().get(0);
            assertEquals("2025-03-11", article.publishedAt());
            assertEquals("article", article.publishedAtSource());
            assertTrue(article.body().startsWith("Floodwater forced the evacuation"), article.body());
            assertTrue(article.body().contains("held.\n\n“The priority"), "paragraphs are kept");
            assertEquals(null, article.url());
            assertTrue(article.id().startsWith("text-"), article.id());
        }
    }

    @Test
    void jsonObjectKeepsItsIdAndCleansItsFields() {
        try (IngestDriver driver = new IngestDriver()) {
            driver.send("cms", Fixtures.bytes("article.json"));
            Article article = driver.articles().get(0);
            assertEquals("wire-2025-0311-017", article.id());
            assertEquals("https://wire.example/news/harlow-bend-floods", article.url());
            assertEquals("wire.example", article.source());
            assertEquals("Floods force evacuation in Harlow Bend", article.title());
            assertEquals("About 2,000 people were evacuated from Harlow Bend on Tuesday after the Lune river"
                    + " flooded.\n\nThe older flood wall failed near the railway bridge.", article.body());
            assertEquals("2025-03-11T06:40:00+01:00", article.publishedAt());
            assertEquals("article", article.publishedAtSource());
            assertEquals("en", article.language());
        }
    }

    @Test
    void anExactResendIsDroppedAndCountedWhileACorrectionPassesAsAnUpdate() {
        try (IngestDriver driver = new IngestDriver()) {
            String first = "{\"id\":\"a-1\",\"title\":\"Bridge closed\",\"body\":\"The bridge is closed.\"}";
            String corrected = "{\"id\":\"a-1\",\"title\":\"Bridge closed\",\"body\":\"The bridge is closed until"
                    + " Friday.\"}";
            driver.send("k1", first);
            driver.send("k2", first);
            driver.send("k1", corrected);
            driver.send("k3", corrected);
            List<Article> out = driver.articles();
            assertEquals(2, out.size());
            assertEquals("a-1", out.get(0).id());
            assertEquals("a-1", out.get(1).id());
            assertNotEquals(out.get(0).contentHash(), out.get(1).contentHash());
            assertEquals(1, driver.counters.published());
            assertEquals(1, driver.counters.updated());
            assertEquals(2, driver.counters.duplicatesDropped());
        }
    }

    @Test
    void aBrokenLineOfJsonLinesIsDeadLetteredAloneWithItsReason() {
        try (IngestDriver driver = new IngestDriver()) {
            String lines = "{\"id\":\"l1\",\"body\":\"First story text.\"}\n{\"id\":\"l2\",\"body\":\n"
                    + "{\"id\":\"l3\",\"body\":\"\"}\n{\"id\":\"l4\",\"body\":\"Fourth story text.\"}\n";
            driver.send("batch", lines.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", IngestDriver.NOW);
            assertEquals(List.of("l1", "l4"), driver.articles().stream().map(Article::id).toList());
            List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
            assertEquals(2, letters.size());
            assertEquals("malformed-json", IngestDriver.reasonOf(letters.get(0)));
            assertEquals("{\"id\":\"l2\",\"body\":", new String(letters.get(0).value(), StandardCharsets.UTF_8));
            assertEquals("batch", new String(letters.get(0).key(), StandardCharsets.UTF_8));
            assertEquals("no-text", IngestDriver.reasonOf(letters.get(1)));
            Map<String, String> headers = DeadLetterHeaders.read(letters.get(1).headers());
            assertEquals("ingest", headers.get(DeadLetterHeaders.SERVICE));
            assertEquals("news.raw", headers.get(DeadLetterHeaders.TOPIC));
            assertTrue(headers.get(DeadLetterHeaders.MESSAGE).startsWith("item 3:"), headers.toString());
            assertEquals(Map.of("malformed-json", 1L, "no-text", 1L), driver.counters.rejected());
        }
    }

    @Test
    void aWholeRecordThatCannotBeIngestedGoesToTheDeadLetterTopicAsItArrived() {
        try (IngestDriver driver = new IngestDriver()) {
            driver.send("bad", "{\"id\": ");
            driver.send("good", "{\"id\":\"g\",\"body\":\"The ferry runs again.\"}");
            assertEquals(List.of("g"), driver.articles().stream().map(Article::id).toList(), "the service goes on");
            List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
            assertEquals(1, letters.size());
            assertEquals("{\"id\": ", new String(letters.get(0).value(), StandardCharsets.UTF_8));
            assertEquals("bad", new String(letters.get(0).key(), StandardCharsets.UTF_8));
            assertEquals("malformed-json", IngestDriver.reasonOf(letters.get(0)));
            assertTrue(IngestDriver.messageOf(letters.get(0)).contains("not valid JSON"));
            assertEquals(Map.of("malformed-json", 1L), driver.counters.rejected());
        }
    }
}
