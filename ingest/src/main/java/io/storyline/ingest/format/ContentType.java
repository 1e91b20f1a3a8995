package io.storyline.ingest.format;

import java.util.Locale;

/**
 * The kinds of value ingest reads from {@code news.raw}. A producer names one in the {@value #HEADER} record
 * header with a media type ({@code application/json}, {@code application/x-ndjson}, {@code text/plain},
 * {@code application/rss+xml}, {@code application/atom+xml}, {@code text/html}…); without it ingest sniffs the
 * bytes.
 */
public enum ContentType {
    /** One JSON article object, or a JSON array of them. */
    JSON("application/json"),
    /** JSON lines: one article object per line. */
    JSON_LINES("application/x-ndjson"),
    /** One article as pasted plain text. */
    TEXT("text/plain; charset=utf-8"),
    /** An RSS (0.9x, 1.0, 2.0) or Atom document: one article per item. */
    FEED("application/rss+xml"),
    /** One article as an HTML page. */
    HTML("text/html; charset=utf-8");

    /** The record header that names the content type of a {@code news.raw} value. */
    public static final String HEADER = "content-type";

    private final String mediaType;

    ContentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type a publisher writes into {@link #HEADER} for this kind. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The kind a header value names, or null when it names none ingest knows (the bytes are then sniffed).
     */
    public static ContentType fromHeader(String header) {
        if (header == null) {
            return null;
        }
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json", "text/json" -> JSON;
            case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
                 "application/json-seq", "application/ndjson" -> JSON_LINES;
            case "text/plain" -> TEXT;
            case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                 "text/xml" -> FEED;
            case "text/html", "application/xhtml+xml" -> HTML;
            default -> null;
        };
    }

    /** The charset parameter of a header value ({@code text/plain; charset=windows-1252}), or null. */
    public static String charsetOf(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                return pair[1].trim().replace("\"", "");
            }
        }
        return null;
    }
}
