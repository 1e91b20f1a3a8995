package io.storyline.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.storyline.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json|JSON",
            "application/json; charset=utf-8|JSON",
            "application/x-ndjson|JSON_LINES",
            "text/plain; charset=windows-1252|TEXT",
            "application/rss+xml|FEED",
            "application/atom+xml|FEED",
            "text/xml|FEED",
            "text/html|HTML",
    })
    void headerNamesTheKind(String header, ContentType type) {
        assertEquals(type, ContentType.fromHeader(header));
    }

    @Test
    void unknownHeadersAreSniffedInstead() {
        assertNull(ContentType.fromHeader("application/pdf"));
        assertEquals("windows-1252", ContentType.charsetOf("text/plain; charset=\"windows-1252\""));
    }

    @ParameterizedTest
    @CsvSource({
            "article.json, JSON",
            "articles.jsonl, JSON_LINES",
            "feed-rss2.xml, FEED",
            "feed-atom.xml, FEED",
            "page.html, HTML",
            "text-source-debris.txt, TEXT",
            "text-inline-date.txt, TEXT",
    })
    void sniffsEveryFormatFromItsBytes(String fixture, ContentType type) {
        assertEquals(type, ContentSniffer.sniff(Fixtures.bytes(fixture)));
    }

    @Test
    void sniffsPastAByteOrderMarkAndWhitespace() {
        byte[] bom = "\uFEFF\n  {\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentType.JSON, ContentSniffer.sniff(bom));
        assertEquals(ContentType.JSON, ContentSniffer.sniff("[{\"body\":\"x\"}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ContentType.FEED, ContentSniffer.sniff("<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8)));
    }
}
