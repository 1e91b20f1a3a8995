package io.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.RejectedRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every format through the same path the topology runs, without Kafka. */
class IngestorTest {

    private static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z");
    private final Ingestor ingestor = new Ingestor(IngestSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private List<ItemOutcome> ingest(byte[] value, String contentType) {
        return ingestor.ingest(new RawRecord("k".getBytes(StandardCharsets.UTF_8), value, contentType,
                NOW.toEpochMilli()));
    }

    private Article single(byte[] value) {
        List<ItemOutcome> outcomes = ingest(value, null);
        assertEquals(1, outcomes.size());
        return assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(0)).article();
    }

    private RejectedRecordException rejected(byte[] value, String contentType) {
        return assertThrows(RejectedRecordException.class, () -> ingest(value, contentType));
    }

    @Test
    void rssItemsBecomeArticlesMarkedWithWhereTheirTextCameFrom() {
        List<ItemOutcome> outcomes = ingest(Fixtures.bytes("feed-rss2.xml"), "application/rss+xml");
        Article first = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(0)).article();
        assertEquals("https://valley-courier.example/regional/harlow-bend-shelters", first.url());
        assertEquals("valley-courier.example", first.source());
        assertEquals("feed", first.publishedAtSource());
        assertEquals("2025-03-12T05:15:00Z", first.publishedAt());
        assertEquals("The Lune river fell by almost a metre on Wednesday morning, but shelters in Harlow Bend will"
                + " stay open.\n\nAbout 400 people spent a second night in the town hall, officials said.", first.body());
        assertEquals("en", first.language());
        assertEquals(Article.TEXT_BODY, first.textOrigin());
        Article second = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(1)).article();
        assertEquals("feed", second.publishedAtSource(), "the channel's date is the feed's");
        assertEquals(Article.TEXT_SUMMARY, second.textOrigin(), "its only text is the item's description");
        Article third = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(2)).article();
        assertEquals("Photo gallery: the flood from above", third.body(), "a title-only item is its headline");
        assertEquals(Article.TEXT_HEADLINE, third.textOrigin());
        assertTrue(third.headlineOnly());
    }

    @Test
    void atomEntriesInFrenchAreDetectedAsFrench() {
        List<ItemOutcome> outcomes = ingest(Fixtures.bytes("feed-atom.xml"), null);
        Article first = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(0)).article();
        assertEquals("Crue à Harlow Bend : les abris restent ouverts", first.title());
        assertEquals("https://veilleur.example/monde/crue-harlow-bend", first.url());
        assertEquals("fr", first.language());
        Article second = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(1)).article();
        assertEquals("tag:veilleur.example,2025:brief-17", second.id());
    }

    @Test
    void htmlPageBecomesAnArticle() {
        Article article = single(Fixtures.bytes("page.html"));
        assertEquals("de", article.language());
        assertEquals("Rundschau", article.source(), "the page's own site name wins over its host");
        assertEquals("article", article.publishedAtSource());
        assertFalse(article.body().contains("Anzeige"), "debris inside the page is dropped too");
        assertFalse(article.body().contains("Teilen"));
        assertFalse(article.body().contains("© 2025"));
    }

    @Test
    void theSameArticleGetsTheSameIdWhicheverLinkVariantCarriesIt() {
        String a = "{\"url\":\"https://www.harbour.example/a?utm_source=x\",\"body\":\"Text one.\"}";
        String b = "{\"url\":\"http://amp.harbour.example/a/amp#top\",\"body\":\"Text two.\"}";
        assertEquals(single(a.getBytes(StandardCharsets.UTF_8)).id(), single(b.getBytes(StandardCharsets.UTF_8)).id());
    }

    @Test
    void theSameTextGetsTheSameIdWhateverItsWhitespace() {
        Article a = single("The river rose.\n\nMore rain is due.".getBytes(StandardCharsets.UTF_8));
        Article b = single("  The  river rose.\r\n\r\n\r\nMore rain is due.\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(a.id(), b.id());
        assertEquals(a.contentHash(), b.contentHash());
    }

    @Test
    void aTenMegabyteBodyIsRejectedWithTheLimitNamed() {
        byte[] huge = ("{\"id\":\"big\",\"body\":\"" + "word ".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        RejectedRecordException e = rejected(huge, null);
        assertEquals("body-too-large", e.reasonCode());
        assertTrue(e.getMessage().contains("storyline.ingest.max.body.bytes"), e.getMessage());
    }

    @Test
    void theBodyLimitIsConfigurable() {
        Ingestor strict = new Ingestor(IngestSettings.defaults().withMaxBodyBytes(20), Clock.systemUTC());
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> strict.ingest(
                new RawRecord(null, "A body longer than twenty bytes.".getBytes(StandardCharsets.UTF_8), null, 1)));
        assertEquals("body-too-large", e.reasonCode());
    }

    @Test
    void invalidUtf8IsRejectedWithTheOffset() {
        byte[] bytes = {'O', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x'};
        RejectedRecordException e = rejected(bytes, null);
        assertEquals("invalid-encoding", e.reasonCode());
        assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
    }

    @Test
    void aDeclaredCharsetIsHonoured() {
        byte[] latin1 = "Café reopened after the flood.".getBytes(StandardCharsets.ISO_8859_1);
        List<ItemOutcome> outcomes = ingest(latin1, "text/plain; charset=ISO-8859-1");
        assertEquals("Café reopened after the flood.",
                assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(0)).article().body());
    }

    @Test
    void emptyAndBlankRecordsAreRejected() {
        assertEquals("empty-record", rejected(new byte[0], null).reasonCode());
        assertEquals("empty-record", rejected(null, null).reasonCode());
        assertEquals("empty-record", rejected(" \n\t ".getBytes(StandardCharsets.UTF_8), null).reasonCode());
    }

    @Test
    void aTextOfDebrisOnlyWithoutAHeadlineIsNoArticle() {
        assertEquals("no-text", rejected("Comment (0)\nShare\n".getBytes(StandardCharsets.UTF_8), null)
                .reasonCode());
    }

    @Test
    void datesOutOfRangeAreRejected() {
        assertEquals("date-out-of-range", rejected(
                "{\"body\":\"The river rose.\",\"published_at\":\"2031-01-01\"}".getBytes(StandardCharsets.UTF_8), null)
                .reasonCode());
        assertEquals("date-out-of-range", rejected(
                "{\"body\":\"The river rose.\",\"published_at\":\"1850-01-01\"}".getBytes(StandardCharsets.UTF_8), null)
                .reasonCode());
        assertEquals("date-out-of-range", rejected(
                "date 2031-01-01 The river rose.".getBytes(StandardCharsets.UTF_8), null).reasonCode());
        assertEquals("invalid-date", rejected(
                "{\"body\":\"The river rose.\",\"published_at\":\"next Tuesday\"}".getBytes(StandardCharsets.UTF_8), null)
                .reasonCode());
    }

    @Test
    void aSuppliedLanguageWinsOverDetection() {
        Article article = single("{\"body\":\"The river rose overnight.\",\"language\":\"EN-us\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("en", article.language());
    }

    @Test
    void unusableUrlsAndIdsAreRejected() {
        assertEquals("invalid-url", rejected("{\"body\":\"The river rose.\",\"url\":\"javascript:alert(1)\"}"
                .getBytes(StandardCharsets.UTF_8), null).reasonCode());
        assertEquals("invalid-id", rejected(("{\"body\":\"The river rose.\",\"id\":\"" + "i".repeat(300) + "\"}")
                .getBytes(StandardCharsets.UTF_8), null).reasonCode());
    }
}
