package io.storyline.enrich.entities;

import java.util.List;
import java.util.regex.Pattern;

/**
 * French writes a person with the honorific before the name ("M. Ador", "Mme Curie", "MM. Sandoz et Montandon"),
 * and French news annotation (the HIPE guidelines for historical newspapers among them) counts the honorific as part
 * of the person's mention. The mention's text starts at the honorific; its canonical name stays the name alone,
 * so "M. Ador" and "Ador" are one person.
 */
final class FrenchHonorifics {

    /** Honorifics as tokens, without their full stop: OCR and tokenisers split "M." as often as not. */
    private static final List<String> HONORIFICS = List.of("M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me");

    /** "M . Ador": an honorific whose full stop OCR or a tokeniser set apart, which the sentence splitter ends on. */
    private static final Pattern SPACED_STOP = Pattern.compile("\\b(" + String.join("|", HONORIFICS) + ") \\.(?= )");

    private FrenchHonorifics() {
    }

    /**
     * The text with "M . Ador" written "M.  Ador", so the sentence does not end at the honorific; same length, so
     * every offset still points into the original text.
     */
    static String joinSpacedStops(String text) {
        return SPACED_STOP.matcher(text).replaceAll("$1. ");
    }

    /** The index of the token where a person mention starting at {@code start} begins with its honorific. */
    static int start(List<Token> tokens, int start) {
        int k = start - 1;
        if (k >= 0 && tokens.get(k).word().equals(".")) {
            k--;
        }
        if (k < 0) {
            return start;
        }
        String word = tokens.get(k).word();
        String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return HONORIFICS.contains(bare) ? k : start;
    }
}
