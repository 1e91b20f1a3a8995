package io.storyline.ingest.format;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One article published as an HTML page: the title, canonical URL, publication time and language from the page's
 * metadata (Open Graph and {@code article:} properties, {@code <link rel=canonical>}), the text from its
 * {@code <article>} element, else from its body.
 */
public final class HtmlArticleReader {

    private HtmlArticleReader() {
    }

    public static RawItem read(String html) {
        Document page = HtmlText.page(html);
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), page.title(),
                page.selectFirst("h1") == null ? null : page.selectFirst("h1").text());
        String url = firstNonBlank(attr(page, "link[rel=canonical]", "abs:href"), meta(page, "meta[property=og:url]"));
        String published = firstNonBlank(meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[name=pubdate]"), meta(page, "meta[itemprop=datePublished]"),
                attr(page, "time[datetime]", "datetime"));
        String source = meta(page, "meta[property=og:site_name]");
        String language = page.selectFirst("html") == null ? null : blankToNull(page.selectFirst("html").attr("lang"));
        Element content = page.selectFirst("article");
        if (content == null) {
            content = page.body();
        }
        content.select("h1").remove();
        return new RawItem(null, url, source, title, HtmlText.text(content), false, false, published,
                published == null ? null : PublishedAtSource.ARTICLE, language,
                html.getBytes(StandardCharsets.UTF_8));
    }

    private static String meta(Document page, String selector) {
        return attr(page, selector, "content");
    }

    private static String attr(Document page, String selector, String attribute) {
        Element element = page.selectFirst(selector);
        return element == null ? null : blankToNull(element.attr(attribute));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
