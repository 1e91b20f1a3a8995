package io.storyline.ingest.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.json.Json;
import io.storyline.ingest.format.HtmlText;
import io.storyline.ingest.format.ParsedItem;
import io.storyline.ingest.format.PublishedAtSource;
import io.storyline.ingest.format.RawItem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.xml.sax.InputSource;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom documents through Rome, one article per item. Document type declarations are
 * refused outright, which shuts out external entities (XXE) and entity-expansion bombs alike: news feeds have no
 * use for a DTD.
 */
public final class FeedReader {

    private FeedReader() {
    }

    /**
     * @param xml the feed's bytes; the XML declaration names their encoding
     * @throws RejectedRecordException {@code unparsable-feed} for anything Rome cannot read as a feed,
     *                                 {@code empty-feed} for a feed without items
     */
    public static List<ParsedItem> read(byte[] xml) {
        SyndFeed feed = parse(xml);
        List<SyndEntry> entries = feed.getEntries();
        if (entries == null || entries.isEmpty()) {
            throw new RejectedRecordException("empty-feed", "the " + feed.getFeedType() + " feed has no items");
        }
        Date feedDate = feed.getPublishedDate();
        List<ParsedItem> items = new ArrayList<>(entries.size());
        for (SyndEntry entry : entries) {
            items.add(item(entry, feed, feedDate));
        }
        return items;
    }

    private static SyndFeed parse(byte[] xml) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try {
            return input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new RejectedRecordException("unparsable-feed", "not a readable RSS or Atom feed: "
                    + explain(e));
        }
    }

    private static String explain(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.toLowerCase(Locale.ROOT).contains("doctype")) {
            return "it declares a DOCTYPE, which ingest refuses (external entities and entity expansion are not"
                    + " allowed in feeds): " + message;
        }
        return message;
    }

    private static RawItem item(SyndEntry entry, SyndFeed feed, Date feedDate) {
        String url = link(entry);
        String guid = entry.getUri();
        // A guid is the feed's own id for the item; where a link exists the URL identifies the article across
        // formats, so the guid stands in only for link-less items.
        String suppliedId = url == null && guid != null && !guid.isBlank() ? guid : null;
        String body = null;
        boolean html = false;
        boolean summary = false;
        if (entry.getContents() != null && !entry.getContents().isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (SyndContent content : entry.getContents()) {
                if (content.getValue() != null) {
                    joined.append(content.getValue()).append("\n\n");
                }
                html |= isHtml(content);
            }
            body = joined.toString();
        }
        if ((body == null || body.isBlank()) && entry.getDescription() != null) {
            body = entry.getDescription().getValue();
            html = isHtml(entry.getDescription());
            summary = body != null && !body.isBlank();
        }
        html |= body != null && HtmlText.looksLikeHtml(body);
        Date itemDate = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Date date = itemDate != null ? itemDate : feedDate;
        String source = entry.getSource() != null ? entry.getSource().getTitle() : null;
        String title = entry.getTitle();
        if (title != null && HtmlText.looksLikeHtml(title)) {
            title = HtmlText.fragmentText(title);
        }
        String language = feed.getLanguage();
        String published = date == null ? null : date.toInstant().toString();
        return new RawItem(suppliedId, url, source, title, body, html, summary, published,
                date == null ? null : PublishedAtSource.FEED, language,
                original(suppliedId, url, source, title, body, summary, published, language, guid));
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        if (entry.getLinks() != null) {
            for (SyndLink link : entry.getLinks()) {
                if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
                    return link.getHref().strip();
                }
            }
        }
        return null;
    }

    private static boolean isHtml(SyndContent content) {
        String type = content.getType();
        return type != null && (type.contains("html") || type.contains("xhtml"));
    }

    /**
     * Rome keeps no item's own bytes, so a dead letter for an item carries what ingest read of it as a JSON article
     * in {@code news.raw}'s own form: replayed from the dead-letter topic, it is read as the item was (the same id,
     * text, summary mark and date). The feed's guid rides along as {@code feed_guid} where the link is the id.
     */
    private static byte[] original(String suppliedId, String url, String source, String title, String body,
                                   boolean summary, String published, String language, String guid) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", suppliedId);
        node.put("url", url);
        node.put("source", source);
        node.put("title", title);
        node.put(summary ? "description" : "body", body);
        node.put("published_at", published);
        node.put("language", language);
        if (suppliedId == null && guid != null && !guid.isBlank()) {
            node.put("feed_guid", guid);
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
