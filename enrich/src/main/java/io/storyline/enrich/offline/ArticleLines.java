package io.storyline.enrich.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.article.Article;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Json;
import io.storyline.common.progress.ProgressMark;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * Reads one JSON line as an {@link Article}. Accepts the full {@code news.articles} record and, leniently, the raw
 * feed form ({@code id, url, source, title, body, published_at}) that evaluation files use: missing fields get
 * plain defaults (schema version 1, the content hash of title and body, an id from the URL or else the body).
 * This is only enough to run enrich offline; ingest is the real normaliser, and an article that went through it
 * may differ (cleaned body, canonical URL, id rules).
 */
final class ArticleLines {

    private ArticleLines() {
    }

    /**
     * The article on the line, or null for a progress mark (a dump of {@code news.articles} without its headers
     * holds them); throws {@link InvalidRecordException} with a readable reason when there is neither.
     */
    static Article parse(String line) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode record)) {
            throw new InvalidRecordException("not a JSON object");
        }
        if (ProgressMark.isMark(record)) {
            return null;
        }
        String body = record.path("body").asText("");
        InvalidRecordException.requireText(body.isBlank() ? null : body, "body");
        if (!record.hasNonNull("schema_version")) {
            record.put("schema_version", Article.SCHEMA_VERSION);
        }
        if (!record.hasNonNull("content_hash")) {
            record.put("content_hash", sha256(record.path("title").asText("") + "\n" + body));
        }
        if (record.path("id").asText("").isBlank()) {
            String url = record.path("url").asText("");
            record.put("id", sha256(url.isBlank() ? body : url).substring(0, 32));
        }
        LocalDateTime local = localDateTime(record.path("published_at").asText(""));
        if (local != null) {
            // A date-time without an offset (TimeML's DCTs, say): read as UTC, as ingest reads it.
            record.put("published_at", local.atOffset(ZoneOffset.UTC).toString());
        }
        if (record.hasNonNull("published_at") && !record.hasNonNull("published_at_source")) {
            record.put("published_at_source", "article");
        }
        Article article;
        try {
            article = Json.mapper().treeToValue(record, Article.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not an article: " + e.getOriginalMessage());
        }
        article.validate();
        return article;
    }

    /** {@code value} as a date-time without an offset, or null when it is anything else. */
    private static LocalDateTime localDateTime(String value) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
