package io.storyline.common.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text without its accents, for comparing names however a language or a keyboard wrote them. */
public final class Accents {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Accents() {
    }

    /** The text with every combining mark taken off its letters: "Zürich" is "Zurich", "São Paulo" "Sao Paulo". */
    public static String strip(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }
}
