package io.storyline.enrich.entities;

import io.storyline.common.text.Accents;

/** French print's habit of leaving capitals unaccented ("Etat" for "État"), for matching names both ways. */
final class FrenchSpelling {

    private FrenchSpelling() {
    }

    /** The text with accents taken off its capital letters only: "États-Unis" is "Etats-Unis". */
    static String unaccentedCapitals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isUpperCase(c) && c > 127 ? Accents.strip(String.valueOf(c)) : String.valueOf(c));
        }
        return out.toString();
    }
}
