package io.storyline.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guesses the kind of a value that came without a content-type header, from its first bytes: JSON starts with
 * a brace or bracket, feeds and pages with markup, anything else is pasted text.
 */
public final class ContentSniffer {

    private static final int HEAD = 4096;
    private static final Pattern FEED_ROOT = Pattern.compile("<(rss|feed|rdf:RDF)[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ROOT = Pattern.compile("^<(!doctype\\s+html|html|head|body)[\\s>]",
            Pattern.CASE_INSENSITIVE);

    private ContentSniffer() {
    }

    public static ContentType sniff(byte[] value) {
        int start = firstContentByte(value);
        if (start >= value.length) {
            return ContentType.TEXT;
        }
        byte first = value[start];
        if (first == '{') {
            return looksLikeJsonLines(value, start) ? ContentType.JSON_LINES : ContentType.JSON;
        }
        if (first == '[') {
            return ContentType.JSON;
        }
        if (first == '<') {
            String head = new String(value, start, Math.min(HEAD, value.length - start), StandardCharsets.UTF_8);
            if (HTML_ROOT.matcher(head).find()) {
                return ContentType.HTML;
            }
            String lower = head.toLowerCase(Locale.ROOT);
            if (lower.startsWith("<?xml") || FEED_ROOT.matcher(head).find()) {
                return ContentType.FEED;
            }
            return ContentType.HTML;
        }
        return ContentType.TEXT;
    }

    /** The first object is followed, after a line break, by another one: objects one per line. */
    private static boolean looksLikeJsonLines(byte[] value, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < value.length; i++) {
            byte b = value[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> depth--;
                default -> {
                }
            }
            if (depth == 0) {
                int next = firstContentByte(value, i + 1);
                return next < value.length && value[next] == '{' && hasLineBreak(value, i + 1, next);
            }
        }
        return false;
    }

    private static boolean hasLineBreak(byte[] value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value[i] == '\n' || value[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    private static int firstContentByte(byte[] value) {
        int start = 0;
        if (value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        return firstContentByte(value, start);
    }

    private static int firstContentByte(byte[] value, int from) {
        int i = from;
        while (i < value.length && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n' || value[i] == '\r')) {
            i++;
        }
        return i;
    }
}
