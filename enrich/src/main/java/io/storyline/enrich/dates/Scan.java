package io.storyline.enrich.dates;

import io.storyline.enrich.dates.Lexicon.Entry;
import io.storyline.enrich.dates.Lexicon.WordClass;

/** Read access to one tokenised text through the lexicon: what the rules ask of a token position. */
final class Scan {

    private static final Token NONE = new Token("", "", -1, -1, Token.Kind.PUNCT, true);

    final TokenizedText text;
    final Lexicon lexicon;

    Scan(TokenizedText text, Lexicon lexicon) {
        this.text = text;
        this.lexicon = lexicon;
    }

    int size() {
        return text.size();
    }

    boolean inRange(int i) {
        return i >= 0 && i < text.size();
    }

    /** Token i, or an empty punctuation token past either end, so that rules can look ahead without checks. */
    Token token(int i) {
        return inRange(i) ? text.get(i) : NONE;
    }

    String word(int i) {
        return text.word(i);
    }

    boolean is(int i, String word) {
        return word(i).equals(word);
    }

    boolean isAny(int i, String... words) {
        String w = word(i);
        for (String candidate : words) {
            if (candidate.equals(w)) {
                return true;
            }
        }
        return false;
    }

    /** True when token i directly follows token i-1 with no space ("third-quarter", "1990s"). */
    boolean joined(int i) {
        return inRange(i) && !text.get(i).spaceBefore();
    }

    /** A hyphen at i glued to both neighbours, as in "five-year". */
    boolean hyphen(int i) {
        return is(i, "-") && joined(i) && joined(i + 1);
    }

    Entry entry(int i, WordClass wordClass) {
        return inRange(i) ? lexicon.lookup(word(i), wordClass) : null;
    }

    /** Month number 1-12 at i, or 0. */
    int month(int i) {
        Entry e = entry(i, WordClass.MONTH);
        return e == null ? 0 : e.number();
    }

    /** ISO weekday 1-7 at i (singular forms only), or 0. */
    int weekday(int i) {
        Entry e = entry(i, WordClass.WEEKDAY);
        return e == null || e.flagged("plural") ? 0 : e.number();
    }

    Unit unit(int i) {
        Entry e = entry(i, WordClass.UNIT);
        return e == null ? null : Unit.valueOf(e.value());
    }

    boolean pluralUnit(int i) {
        Entry e = entry(i, WordClass.UNIT);
        return e != null && e.flagged("plural");
    }

    String season(int i) {
        Entry e = entry(i, WordClass.SEASON);
        return e == null ? null : e.value();
    }

    String partOfDay(int i) {
        Entry e = entry(i, WordClass.PART_OF_DAY);
        return e == null || e.flagged("plural") || e.flagged("clock") ? null : e.value();
    }

    /** Whether the word at i is an entry of the named list of wordlists.txt. */
    boolean inList(int i, String list) {
        return inRange(i) && lexicon.inList(list, word(i));
    }

    /** Skips a possessive 's at i: returns i+1 after it, else i. */
    int afterPossessive(int i) {
        return is(i, "'s") || (is(i, "'") && word(i - 1).endsWith("s")) ? i + 1 : i;
    }

    /** Index after an optional "the" at i. */
    int afterThe(int i) {
        return is(i, "the") ? i + 1 : i;
    }
}
