package io.storyline.enrich.entities;

import io.storyline.common.text.Accents;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison key of a canonical name: one entity written by different languages' conventions folds to one key.
 * Names of people from other alphabets reach each language transliterated by its own rules (Russian "Владимир
 * Зеленский" is Vladimir Zelensky in English, Wladimir Selenskyj in German, Volodymyr Zelensky in French, Zelenski
 * in Spanish), so the key drops what those rules disagree on: accents, case, voiced and unvoiced s/z, v/w, the
 * spellings of one sound (sch/sh/ch/tch/kh → h, ou → u, gue → ge, j/y/i → i, ts/tz → z), doubled letters and a French
 * final e (Poutine). The same folding applies to every language, English included, so a key never depends on who
 * wrote the name; two different people whose names fold alike are rare enough beside their other shared context.
 */
public final class NameKey {

    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z0-9]+");
    private static final String[][] SPELLINGS = {
        {"tsch", "h"}, {"sch", "h"}, {"tch", "h"}, {"sh", "h"}, {"ch", "h"}, {"kh", "h"}, {"zh", "h"},
        {"ou", "u"}, {"gue", "ge"}, {"gui", "gi"}, {"ts", "z"}, {"tz", "z"}, {"ck", "k"}, {"ph", "f"},
        {"w", "v"}, {"j", "i"}, {"y", "i"}, {"z", "s"}, {"c", "k"}, {"q", "k"}, {"x", "ks"},
    };

    private NameKey() {
    }

    /** The key of a name: its words folded, joined by single spaces; null for a null name. */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String plain = Accents.strip(name.replace("ß", "ss")).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        for (String word : NOT_LETTER.split(plain)) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(fold(word));
        }
        return out.toString();
    }

    private static String fold(String word) {
        String folded = word;
        for (String[] spelling : SPELLINGS) {
            folded = folded.replace(spelling[0], spelling[1]);
        }
        StringBuilder single = new StringBuilder(folded.length());
        for (int k = 0; k < folded.length(); k++) {
            if (k == 0 || folded.charAt(k) != folded.charAt(k - 1)) {
                single.append(folded.charAt(k));
            }
        }
        if (single.length() > 3 && single.charAt(single.length() - 1) == 'e') {
            single.setLength(single.length() - 1);
        }
        return single.toString();
    }
}
