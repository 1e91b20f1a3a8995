package io.storyline.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.ingest.Fixtures;
import io.storyline.ingest.format.ParsedItem;
import io.storyline.ingest.format.PublishedAtSource;
import io.storyline.ingest.format.RawItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    @Test
    void rss2ItemsWithContentEncodedDescriptionAndDates() {
        List<ParsedItem> items = FeedReader.read(Fixtures.bytes("feed-rss2.xml"));
        assertEquals(3, items.size());
        RawItem first = assertInstanceOf(RawItem.class, items.get(0));
        assertEquals("Harlow Bend shelters stay open as river falls", first.title());
        assertTrue(first.html());
        assertTrue(first.body().contains("<p>The Lune river fell"), "content:encoded beats the teaser");
        assertEquals("2025-03-12T05:15:00Z", first.publishedAt());
        assertEquals(PublishedAtSource.FEED, first.publishedAtSource());
        assertNull(first.id(), "items with a link are identified by their URL, not the guid");
        assertEquals("en-us", first.language());

        RawItem second = assertInstanceOf(RawItem.class, items.get(1));
        assertEquals("2025-03-12T07:00:00Z", second.publishedAt(), "no item date: the channel's");
        assertTrue(second.body().contains("bridge & found"));

        RawItem third = assertInstanceOf(RawItem.class, items.get(2));
        assertNull(third.body());
    }

    @Test
    void atomEntriesWithHtmlContentAndLinklessEntries() {
        List<ParsedItem> items = FeedReader.read(Fixtures.bytes("feed-atom.xml"));
        RawItem first = assertInstanceOf(RawItem.class, items.get(0));
        assertEquals("https://veilleur.example/monde/crue-harlow-bend#top", first.url());
        assertEquals("2025-03-12T06:30:00Z", first.publishedAt());
        assertTrue(first.html());
        RawItem second = assertInstanceOf(RawItem.class, items.get(1));
        assertEquals("tag:veilleur.example,2025:brief-17", second.id(), "without a link the entry id identifies it");
        assertEquals("2025-03-12T06:00:00Z", second.publishedAt(), "updated stands in for published");
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsRead() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> FeedReader.read(Fixtures.bytes("feed-xxe.xml")));
        assertEquals("unparsable-feed", e.reasonCode());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void entityExpansionIsRefusedAtOnce() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> FeedReader.read(Fixtures.bytes("feed-entity-expansion.xml")));
        assertEquals("unparsable-feed", e.reasonCode());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void anXmlDocumentThatIsNoFeed() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> FeedReader.read(
                "<?xml version=\"1.0\"?><catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("unparsable-feed", e.reasonCode());
    }

    @Test
    void brokenXml() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> FeedReader.read(
                "<rss version=\"2.0\"><channel><item><title>x</title></channel>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("unparsable-feed", e.reasonCode());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void aFeedWithoutItems() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> FeedReader.read(
                ("<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
                        + "<description>d</description></channel></rss>").getBytes(StandardCharsets.UTF_8)));
        assertEquals("empty-feed", e.reasonCode());
    }
}
