package io.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Articles with little text are articles: a headline without a body, a feed summary, a page whose body is only
 * player and navigation debris. Only an item with no text at all is rejected.
 */
class ThinArticlesTest {

    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title>Harbour Wire</title>
                <link>https://harbour-wire.example/</link>
                <item>
                  <title>Two hurt as tram and delivery van collide in Eastgate</title>
                  <link>https://harbour-wire.example/2025/06/02/eastgate-tram</link>
                  <pubDate>Mon, 02 Jun 2025 09:10:00 GMT</pubDate>
                </item>
                <item>
                  <title>Eastgate tram line closed after collision</title>
                  <link>https://harbour-wire.example/2025/06/02/eastgate-line-closed</link>
                  <pubDate>Mon, 02 Jun 2025 09:40:00 GMT</pubDate>
                  <description>Trams will not run between Eastgate and the harbour until the damaged overhead wire is repaired.</description>
                </item>
                <item>
                  <link>https://harbour-wire.example/2025/06/02/empty</link>
                  <pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>
                </item>
              </channel>
            </rss>
            """;

    private final Ingestor ingestor = new Ingestor(IngestSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private List<ItemOutcome> ingest(String value, String contentType) {
        return ingestor.ingest(new RawRecord(null, value.getBytes(StandardCharsets.UTF_8), contentType,
                NOW.toEpochMilli()));
    }

    private Article single(String value) {
        List<ItemOutcome> outcomes = ingest(value, null);
        assertEquals(1, outcomes.size());
        return assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(0)).article();
    }

    @Test
    void aTitleOnlyFeedItemIsAHeadlineArticleAndOnlyTheItemWithoutTextIsRejected() {
        List<ItemOutcome> outcomes = ingest(FEED, "application/rss+xml");
        Article titleOnly = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(0)).article();
        assertEquals("Two hurt as tram and delivery van collide in Eastgate", titleOnly.title());
        assertEquals(titleOnly.title(), titleOnly.body(), "its text is what it has: the headline");
        assertEquals(Article.TEXT_HEADLINE, titleOnly.textOrigin());
        assertEquals("2025-06-02T09:10:00Z", titleOnly.publishedAt());
        assertTrue(titleOnly.id().startsWith("url-"), "identified by its link, like any feed item");

        Article summarised = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(1)).article();
        assertEquals(Article.TEXT_SUMMARY, summarised.textOrigin());
        assertTrue(summarised.body().startsWith("Trams will not run"), summarised.body());

        ItemOutcome.Rejected empty = assertInstanceOf(ItemOutcome.Rejected.class, outcomes.get(2));
        assertEquals("no-text", empty.reasonCode());
        assertTrue(empty.reason().contains("neither a headline nor body text"), empty.reason());
    }

    @Test
    void aPageOfPlayerAndNavigationDebrisWithAClearHeadlineIsAHeadlineArticle() {
        String json = Json.mapper().createObjectNode()
                .put("url", "https://river-times.example/news/ferry-fire")
                .put("title", "Ferry fire forces evacuation of 120 passengers near Kelmouth")
                .put("body", "1:55 Mayor opens the new library\n\nPause\n\n3:50 Weather for the week ahead\n\n"
                        + "Share\n\nComments (0)")
                .toString();
        Article article = single(json);
        assertEquals(Article.TEXT_HEADLINE, article.textOrigin());
        assertEquals("Ferry fire forces evacuation of 120 passengers near Kelmouth", article.body());
    }

    @Test
    void aBodyThatOnlyRepeatsTheHeadlineIsMarkedAsTheHeadline() {
        Article article = single("{\"title\":\"Bridge reopens after inspection\","
                + "\"body\":\"Bridge reopens after inspection.\"}");
        assertEquals(Article.TEXT_HEADLINE, article.textOrigin());
        assertEquals("Bridge reopens after inspection", article.body());
    }

    @Test
    void aJsonDescriptionStandsInForAMissingBodyAsASummary() {
        Article article = single("{\"id\":\"d-1\",\"title\":\"Storm closes schools\","
                + "\"description\":\"All schools in the valley stay closed on Tuesday as the storm moves east.\"}");
        assertEquals(Article.TEXT_SUMMARY, article.textOrigin());
        assertEquals("All schools in the valley stay closed on Tuesday as the storm moves east.", article.body());
        Article withBody = single("{\"id\":\"d-2\",\"title\":\"Storm closes schools\",\"description\":\"Teaser.\","
                + "\"body\":\"All schools stay closed.\"}");
        assertEquals(Article.TEXT_BODY, withBody.textOrigin(), "a body wins over the description");
        assertEquals("All schools stay closed.", withBody.body());
    }

    @Test
    void theSameHeadlineLaterPublishedWithItsBodyIsACorrectionOfTheSameArticle() {
        String url = "https://harbour-wire.example/2025/06/02/eastgate-tram";
        Article first = single("{\"url\":\"" + url + "\",\"title\":\"Two hurt as tram and van collide\"}");
        Article later = single("{\"url\":\"" + url + "\",\"title\":\"Two hurt as tram and van collide\","
                + "\"body\":\"A tram and a delivery van collided in Eastgate on Monday morning.\"}");
        assertEquals(first.id(), later.id());
        assertNotEquals(first.contentHash(), later.contentHash(), "the body arriving is an update");
        assertEquals(Article.TEXT_BODY, later.textOrigin());
    }

    @Test
    void nothingButMetadataIsStillRejected() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> ingest("{\"url\":\"https://harbour-wire.example/x\",\"body\":\"   \"}", null));
        assertEquals("no-text", e.reasonCode());
    }

    @Test
    void aDeadLetteredFeedItemReplaysAsTheSameArticle() {
        String feed = FEED.replace("<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>",
                "<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><title>Harbour cranes stopped by wind</title>");
        // The item is fine now; what a dead letter for it would carry must read back as the same article.
        List<ItemOutcome> outcomes = ingest(feed, "application/rss+xml");
        Article item = assertInstanceOf(ItemOutcome.Accepted.class, outcomes.get(1)).article();
        byte[] letter = deadLetterBytesOfSecondItem(feed);
        Article replayed = single(new String(letter, StandardCharsets.UTF_8));
        assertEquals(item.id(), replayed.id());
        assertEquals(item.body(), replayed.body());
        assertEquals(item.textOrigin(), replayed.textOrigin());
        assertEquals(item.publishedAt(), replayed.publishedAt());
    }

    /** The bytes ingest would dead-letter the second item with: force a rejection by a limit it exceeds. */
    private static byte[] deadLetterBytesOfSecondItem(String feed) {
        Ingestor strict = new Ingestor(IngestSettings.defaults().withMaxBodyBytes(40), Clock.fixed(NOW,
                ZoneOffset.UTC));
        List<ItemOutcome> outcomes = strict.ingest(new RawRecord(null, feed.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", NOW.toEpochMilli()));
        ItemOutcome.Rejected rejected = assertInstanceOf(ItemOutcome.Rejected.class, outcomes.get(1));
        assertEquals("body-too-large", rejected.reasonCode());
        return rejected.value();
    }
}
