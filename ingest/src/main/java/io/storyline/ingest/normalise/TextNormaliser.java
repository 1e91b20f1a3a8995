package io.storyline.ingest.normalise;

import java.text.Normalizer;

/**
 * Unicode and whitespace normalisation that keeps an article's structure: NFC, one kind of line break, invisible
 * formatting characters removed, runs of spaces collapsed, lines trimmed, and at most one blank line between
 * paragraphs. Line breaks themselves are kept, so a text whose paragraphs are single lines keeps them.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** A body: paragraphs and lines kept. */
    public static String body(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        int blankRun = 0;
        int lineStart = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\r') {
                if (i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            int breaks = switch (c) {
                case '\n', '\u000B', '\u000C', '\u0085', '\u2028' -> 1;
                case '\u2029' -> 2;
                default -> 0;
            };
            if (breaks > 0) {
                pendingSpace = false;
                boolean emptyLine = out.length() == lineStart;
                if (emptyLine) {
                    blankRun += breaks;
                } else {
                    blankRun = breaks - 1;
                }
                if (out.length() > 0 && (!emptyLine || blankRun == 1)) {
                    out.append('\n');
                    if (breaks == 2 && !emptyLine) {
                        out.append('\n');
                    }
                }
                lineStart = out.length();
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > lineStart;
                continue;
            }
            if (isInvisible(c)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /** A one-line field (title, source): every whitespace run becomes one space; null for nothing left. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        String single = body(text).replace('\n', ' ').replaceAll(" {2,}", " ").trim();
        return single.isEmpty() ? null : single;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || Character.isSpaceChar(c) && c != '\u2028' && c != '\u2029'
                || Character.isWhitespace(c);
    }

    /** Controls and zero-width characters that carry nothing a reader sees; joiners that shape scripts stay. */
    private static boolean isInvisible(char c) {
        if (c < 0x20 || c >= 0x7F && c < 0xA0) {
            return true;
        }
        return c == '\u200B' || c == '\uFEFF' || c == '\u00AD' || c == '\u2060' || c == '\uFFFE' || c == '\uFFFF';
    }
}
