package io.storyline.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.ingest.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArticleReaderTest {

    @Test
    void objectWithDesignFieldNames() {
        JsonArticleReader.JsonDocument document = JsonArticleReader.document(Fixtures.text("article.json"));
        assertFalse(document.array());
        RawItem item = assertInstanceOf(RawItem.class, document.items().get(0));
        assertEquals("wire-2025-0311-017", item.id());
        assertTrue(item.html());
        assertEquals("2025-03-11T06:40:00+01:00", item.publishedAt());
        assertEquals(PublishedAtSource.ARTICLE, item.publishedAtSource());
        assertEquals("en-GB", item.language());
    }

    @Test
    void commonCmsFieldNamesAreReadToo() {
        RawItem item = (RawItem) JsonArticleReader.document("{\"headline\":\"H\",\"content\":\"Text.\","
                + "\"link\":\"https://x.example/a\",\"datePublished\":\"2025-01-02\",\"id\":42}").items().get(0);
        assertEquals("H", item.title());
        assertEquals("Text.", item.body());
        assertEquals("https://x.example/a", item.url());
        assertEquals("2025-01-02", item.publishedAt());
        assertEquals("42", item.id());
    }

    @Test
    void anArrayIsManyArticlesEachStandingAlone() {
        JsonArticleReader.JsonDocument document = JsonArticleReader.document(
                "[{\"body\":\"One.\"}, 7, {\"body\":{\"nested\":true}}]");
        assertTrue(document.array());
        assertInstanceOf(RawItem.class, document.items().get(0));
        assertEquals("not-an-article", assertInstanceOf(BrokenItem.class, document.items().get(1)).reasonCode());
        assertEquals("not-an-article", assertInstanceOf(BrokenItem.class, document.items().get(2)).reasonCode());
    }

    @Test
    void jsonLinesKeepGoodLinesAndReportBrokenOnes() {
        List<ParsedItem> items = JsonArticleReader.lines(Fixtures.text("articles.jsonl"));
        assertEquals(6, items.size(), "the blank line is no item");
        assertInstanceOf(RawItem.class, items.get(0));
        assertInstanceOf(RawItem.class, items.get(1));
        BrokenItem broken = assertInstanceOf(BrokenItem.class, items.get(2));
        assertEquals("malformed-json", broken.reasonCode());
        assertTrue(broken.reason().startsWith("line 4 is not valid JSON"), broken.reason());
        assertInstanceOf(RawItem.class, items.get(3), "a missing body is the normaliser's to judge");
        assertEquals("not-an-article", assertInstanceOf(BrokenItem.class, items.get(4)).reasonCode());
        assertInstanceOf(RawItem.class, items.get(5), "a blank body too");
    }

    @Test
    void malformedObjectRejectsTheRecordWithWhereItBroke() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> JsonArticleReader.document("{\"body\": \"x\",\n \"title\": }"));
        assertEquals("malformed-json", e.reasonCode());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void trailingGarbageIsMalformed() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> JsonArticleReader.document("{\"body\": \"x\"} trailing"));
        assertEquals("malformed-json", e.reasonCode());
    }

    @Test
    void aScalarIsNoArticle() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> JsonArticleReader.document("\"just a string\""));
        assertEquals("not-an-article", e.reasonCode());
    }
}
