package io.storyline.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.storyline.common.article.Article;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles written as JSON: one object, an array of objects, or JSON lines (one object per line). Field names
 * follow DESIGN.md ({@code id, url, source, title, body, published_at, language}); the names CMS exports commonly
 * use instead ({@code content}, {@code link}, {@code headline}, {@code publishedAt}…) are read as well. Without a
 * body, a {@code description} or {@code summary} field stands in for it, marked as a summary.
 */
public final class JsonArticleReader {

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String[] ID = {"id", "article_id", "guid"};
    private static final String[] URL = {"url", "link", "canonical_url", "permalink"};
    private static final String[] SOURCE = {"source", "publisher", "outlet", "site_name"};
    private static final String[] TITLE = {"title", "headline"};
    private static final String[] BODY = {"body", "content", "text", "article_body", "articleBody"};
    /** What a producer sends when it has no text: read as the article's text, marked as a summary. */
    private static final String[] SUMMARY = {"description", "summary"};
    private static final String[] PUBLISHED = {"published_at", "publishedAt", "date_published", "datePublished",
            "published", "pub_date", "pubDate", "date"};
    private static final String[] LANGUAGE = {"language", "lang", "inLanguage"};

    private JsonArticleReader() {
    }

    /**
     * What one JSON record holds.
     *
     * @param array whether it was an array: its items stand alone, a broken one does not reject the others
     */
    public record JsonDocument(List<ParsedItem> items, boolean array) {
    }

    /**
     * One record holding an object or an array of objects.
     *
     * @throws RejectedRecordException {@code malformed-json} or {@code not-an-article} for the whole record
     */
    public static JsonDocument document(String text) {
        JsonNode root = parse(text, "the value");
        if (root.isArray()) {
            boolean anyObject = false;
            for (JsonNode element : root) {
                anyObject |= element.isObject();
            }
            if (!anyObject) {
                throw new RejectedRecordException(root.isEmpty() ? "empty-feed" : "not-an-article",
                        root.isEmpty() ? "the JSON array holds no articles" : "the JSON array holds no article objects");
            }
            List<ParsedItem> items = new ArrayList<>();
            for (JsonNode element : root) {
                byte[] original = element.toString().getBytes(StandardCharsets.UTF_8);
                items.add(itemOrBroken(element, original, "array element " + (items.size() + 1)));
            }
            return new JsonDocument(items, true);
        }
        if (!root.isObject()) {
            throw new RejectedRecordException("not-an-article",
                    "the JSON value is " + kind(root) + ", not an article object");
        }
        return new JsonDocument(List.of(item(root, text.getBytes(StandardCharsets.UTF_8))), false);
    }

    /** JSON lines: every non-blank line is its own article; a broken line does not spoil the others. */
    public static List<ParsedItem> lines(String text) {
        List<ParsedItem> items = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n|\r")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            byte[] original = line.getBytes(StandardCharsets.UTF_8);
            try {
                items.add(itemOrBroken(parse(line, "line " + lineNumber), original, "line " + lineNumber));
            } catch (RejectedRecordException e) {
                items.add(new BrokenItem(original, e.reasonCode(), e.getMessage()));
            }
        }
        if (items.isEmpty()) {
            throw new RejectedRecordException("empty-record", "the JSON lines record holds no lines");
        }
        return items;
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RejectedRecordException("empty-record", what + " holds no JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int newline = message == null ? -1 : message.indexOf('\n');
            String brief = newline < 0 ? message : message.substring(0, newline);
            var location = e.getLocation();
            String at = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new RejectedRecordException("malformed-json", what + " is not valid JSON" + at + ": " + brief);
        }
    }

    private static ParsedItem itemOrBroken(JsonNode node, byte[] original, String what) {
        if (!node.isObject()) {
            return new BrokenItem(original, "not-an-article", what + " is " + kind(node) + ", not an article object");
        }
        try {
            return item(node, original);
        } catch (RejectedRecordException e) {
            return new BrokenItem(original, e.reasonCode(), what + ": " + e.getMessage());
        }
    }

    private static RawItem item(JsonNode node, byte[] original) {
        JsonNode version = node.get("schema_version");
        if (version != null && version.canConvertToInt() && version.asInt() > Article.SCHEMA_VERSION) {
            throw new RejectedRecordException("unsupported-schema-version", "schema_version " + version.asInt()
                    + " is newer than this ingest reads (" + Article.SCHEMA_VERSION + "); upgrade ingest, then "
                    + "replay the record from the dead-letter topic");
        }
        String bodyText = textField(node, BODY);
        boolean summary = false;
        if (bodyText == null || bodyText.isBlank()) {
            String summaryText = textField(node, SUMMARY);
            if (summaryText != null && !summaryText.isBlank()) {
                bodyText = summaryText;
                summary = true;
            }
        }
        String published = text(node, PUBLISHED);
        return new RawItem(text(node, ID), text(node, URL), text(node, SOURCE), text(node, TITLE), bodyText,
                bodyText != null && HtmlText.looksLikeHtml(bodyText), summary, published,
                published == null ? null : PublishedAtSource.ARTICLE, text(node, LANGUAGE), original);
    }

    /** A field that holds text when present: anything but a string is not an article. */
    private static String textField(JsonNode node, String[] names) {
        JsonNode value = first(node, names);
        if (value != null && !value.isTextual()) {
            throw new RejectedRecordException("not-an-article", "field '" + nameOf(node, names)
                    + "' must be a string, not " + kind(value));
        }
        return value == null ? null : value.asText();
    }

    private static String text(JsonNode node, String[] names) {
        JsonNode value = first(node, names);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static JsonNode first(JsonNode node, String[] names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static String nameOf(JsonNode node, String[] names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                return name;
            }
        }
        return names[0];
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not an object";
        };
    }
}
