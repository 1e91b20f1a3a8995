package io.storyline.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.ingest.Fixtures;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void fragmentsKeepParagraphsAndDropFurniture() {
        String text = HtmlText.fragmentText("<p>One <b>bold</b>&nbsp;word.</p><script>x()</script>"
                + "<figure><img src=a><figcaption>Caption (Photo: X)</figcaption></figure><p>Two<br>lines.</p>");
        String normalised = io.storyline.ingest.normalise.TextNormaliser.body(text);
        assertEquals("One bold word.\n\nTwo\nlines.", normalised);
    }

    @Test
    void tellsMarkupFromTextWithAnAngleBracket() {
        assertTrue(HtmlText.looksLikeHtml("<p>x</p>"));
        assertTrue(HtmlText.looksLikeHtml("Fish &amp; chips"));
        assertFalse(HtmlText.looksLikeHtml("if a < b and c > d then"));
        assertFalse(HtmlText.looksLikeHtml("AT&T results"));
    }

    @Test
    void pagesGiveMetadataAndTheArticleText() {
        RawItem item = HtmlArticleReader.read(Fixtures.text("page.html"));
        assertEquals("Hochwasser in Harlow Bend: Notunterkünfte bleiben offen", item.title());
        assertEquals("https://rundschau.example/welt/hochwasser-harlow-bend", item.url());
        assertEquals("2025-03-12T09:10:00+01:00", item.publishedAt());
        assertEquals("Rundschau", item.source());
        assertEquals("de", item.language());
        assertTrue(item.body().contains("Der Fluss Lune"));
        assertFalse(item.body().contains("tracking"));
        assertFalse(item.body().contains("Start"), "navigation is no article");
        assertFalse(item.body().contains("Sandsäcke"), "figure captions are no article");
    }
}
