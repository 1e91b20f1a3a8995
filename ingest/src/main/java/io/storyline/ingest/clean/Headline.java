package io.storyline.ingest.clean;

import io.storyline.ingest.normalise.TextNormaliser;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The headline of an article text. Pasted articles often open with the headline on a line of its own, and CMS
 * exports often repeat the title as the body's first line; either way the headline belongs in {@code title}, not
 * in the body that enrich reads.
 */
public final class Headline {

    /** Sentences, datelines ({@code KYIV, Nov 21 (Reuters) -}) and captions end so; headlines do not. */
    private static final Pattern ENDS_LIKE_PROSE = Pattern.compile(".*[.!?;:,…\"”’')»\\-–—]$");
    private static final Pattern BYLINE = Pattern.compile("(?i)^by\\s.*");
    private static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 200;
    private static final int MIN_WORDS = 3;

    private Headline() {
    }

    /** A title and the body that goes with it. */
    public record Split(String title, String body) {
    }

    /**
     * @param title the title the source gave, or null
     * @param body  the cleaned, normalised body
     */
    public static Split split(String title, String body) {
        int newline = body.indexOf('\n');
        if (newline < 0) {
            return new Split(title, body);
        }
        String first = body.substring(0, newline).strip();
        String rest = body.substring(newline + 1).strip();
        if (rest.isEmpty()) {
            return new Split(title, body);
        }
        if (title != null) {
            return comparable(first).equals(comparable(title)) ? new Split(title, rest) : new Split(title, body);
        }
        return looksLikeHeadline(first) ? new Split(first, rest) : new Split(null, body);
    }

    /** Whether a body says no more than its headline (a feed whose description repeats the title, say). */
    public static boolean same(String title, String body) {
        String line = TextNormaliser.line(body);
        return line != null && comparable(line).equals(comparable(title));
    }

    private static boolean looksLikeHeadline(String line) {
        return line.length() >= MIN_LENGTH && line.length() <= MAX_LENGTH
                && line.split(" ").length >= MIN_WORDS
                && !ENDS_LIKE_PROSE.matcher(line).matches()
                && !BYLINE.matcher(line).matches()
                && (Character.isUpperCase(line.codePointAt(0)) || Character.isDigit(line.codePointAt(0))
                || !Character.isLetter(line.codePointAt(0)));
    }

    private static String comparable(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+$", "").strip();
    }
}
