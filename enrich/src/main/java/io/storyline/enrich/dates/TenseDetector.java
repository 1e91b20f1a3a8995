package io.storyline.enrich.dates;

/**
 * Guesses the tense of the clause around a date from the nearest verb cue before it in its sentence (after it when
 * there is none, as in "On Friday, the minister said"): an auxiliary of the
 * future (will, 'll, would, going to) close before that verb makes it future ("will be held Friday"), otherwise the
 * cue's own tense counts; words ending in -ed are past unless the lexicon says they are not verbs.
 */
final class TenseDetector {

    private static final int AUXILIARY_WINDOW = 3;
    /** Forms of "be" that, before "to", announce what is planned: "is to vote", "was to be held". */
    private static final java.util.Set<String> BE = java.util.Set.of("is", "are", "was", "were", "am", "'s", "'re");
    /** "until Tuesday", "postponed until 9 a.m. Tuesday": a deadline lies ahead, whatever the verb's tense. */
    private static final java.util.Set<String> DEADLINE = java.util.Set.of("until", "till", "pending");
    /** "a strike starting Monday", "fares rise effective Jan. 1": an onset announced, so it lies ahead. */
    private static final java.util.Set<String> ONSET = java.util.Set.of("starting", "beginning", "effective");
    /** "as early as Tuesday", "as soon as Tuesday": a date not yet reached. */
    private static final java.util.Set<String> AS_EARLY = java.util.Set.of("early", "soon");

    private final Lexicon lexicon;

    TenseDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Tense tenseAround(TokenizedText text, int from, int to) {
        int sentenceStart = text.sentenceStart(from);
        int sentenceEnd = text.sentenceEnd(Math.max(from, to - 1));
        if (from > sentenceStart + 1 && (DEADLINE.contains(text.word(from - 1)) || ONSET.contains(text.word(from - 1))
                || text.word(from - 1).equals("on") && ONSET.contains(text.word(from - 2)))
                || text.word(from - 1).equals("as") && AS_EARLY.contains(text.word(from - 2)) && text.word(from - 3).equals("as")) {
            return Tense.FUTURE;
        }
        for (int left = from - 1; left >= sentenceStart; left--) {
            Tense tense = cue(text, left, sentenceStart);
            if (tense != null) {
                return tense;
            }
        }
        for (int right = to; right < sentenceEnd; right++) {
            Tense tense = cue(text, right, sentenceStart);
            if (tense != null) {
                return tense;
            }
        }
        return Tense.NONE;
    }

    private Tense cue(TokenizedText text, int i, int sentenceStart) {
        Token token = text.get(i);
        if (!token.isWord()) {
            return token.lower().equals("'ll") ? Tense.FUTURE : null;
        }
        Tense tense = ownTense(token);
        if (tense == null || tense == Tense.NONE) {
            return null;
        }
        if (lexicon.tenseCue(token.lower()) == null && i > 0 && lexicon.inList("adjective-markers", text.word(i - 1))) {
            return null;
        }
        if (BE.contains(token.lower()) && text.word(i + 1).equals("to")) {
            return Tense.FUTURE;
        }
        if (tense != Tense.FUTURE) {
            for (int j = i - 1; j >= Math.max(sentenceStart, i - AUXILIARY_WINDOW); j--) {
                String w = text.word(j);
                Tense before = lexicon.tenseCue(w);
                if (before == Tense.FUTURE && !w.equals("next") && !w.equals("coming")) {
                    return Tense.FUTURE;
                }
                if (w.equals("to") && !text.word(j - 1).equals("due")) {
                    // "plans to meet", "is to be held": an infinitive takes the tense of what governs it
                    return tenseOfGovernor(text, j - 1, sentenceStart, tense);
                }
            }
        }
        return tense;
    }

    private Tense tenseOfGovernor(TokenizedText text, int i, int sentenceStart, Tense fallback) {
        for (int j = i; j >= Math.max(sentenceStart, i - AUXILIARY_WINDOW); j--) {
            Tense governor = ownTense(text.get(j));
            if (governor == Tense.FUTURE) {
                return Tense.FUTURE;
            }
            if (governor == Tense.PRESENT || governor == Tense.PAST) {
                // "is to be held", "was to be held", "wants to hold": the event lies ahead of that moment
                return Tense.FUTURE;
            }
        }
        return fallback;
    }

    private Tense ownTense(Token token) {
        if (!token.isWord()) {
            return null;
        }
        String w = token.lower();
        Tense known = lexicon.tenseCue(w);
        if (known != null) {
            return known;
        }
        if (w.length() >= 5 && w.endsWith("ed") && !token.capitalised()) {
            return Tense.PAST;
        }
        return null;
    }
}
