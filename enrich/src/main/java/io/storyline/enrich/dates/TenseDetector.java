package io.storyline.enrich.dates;

/**
 * Guesses the tense of the clause around a date from the nearest verb cue before it in its sentence (after it when
 * there is none, as in "On Friday, the minister said"): an auxiliary of the
 * future (will, 'll, would, going to) close before that verb makes it future ("will be held Friday"), otherwise the
 * cue's own tense counts; words with a past or future ending of the language (English -ed, Spanish -rá) take that
 * tense unless the lexicon says they are not verbs. The cues are the language's: {@code tense.tsv} and the lists
 * {@code be-forms}, {@code deadline-words}, {@code onset-words}, {@code past-suffixes} and {@code future-suffixes}
 * of {@code wordlists.txt}.
 */
final class TenseDetector {

    private static final int AUXILIARY_WINDOW = 3;
    /** Words that end in a tense suffix but are too short to be verbs ("bed", "red"). */
    private static final int MIN_SUFFIXED_VERB = 5;
    /** "as early as Tuesday", "as soon as Tuesday": a date not yet reached. */
    private static final java.util.Set<String> AS_EARLY = java.util.Set.of("early", "soon");

    private final Lexicon lexicon;
    /** Forms of "be" that, before "to", announce what is planned: "is to vote", "was to be held". */
    private final java.util.Set<String> be;
    /** "until Tuesday", "postponed until 9 a.m. Tuesday": a deadline lies ahead, whatever the verb's tense. */
    private final java.util.Set<String> deadline;
    /** "a strike starting Monday", "fares rise effective Jan. 1": an onset announced, so it lies ahead. */
    private final java.util.Set<String> onset;
    private final java.util.Set<String> pastSuffixes;
    private final java.util.Set<String> futureSuffixes;

    TenseDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.be = lexicon.words("be-forms");
        this.deadline = lexicon.words("deadline-words");
        this.onset = lexicon.words("onset-words");
        this.pastSuffixes = lexicon.words("past-suffixes");
        this.futureSuffixes = lexicon.words("future-suffixes");
    }

    Tense tenseAround(TokenizedText text, int from, int to) {
        int sentenceStart = text.sentenceStart(from);
        int sentenceEnd = text.sentenceEnd(Math.max(from, to - 1));
        if (from > sentenceStart + 1 && (deadline.contains(text.word(from - 1)) || onset.contains(text.word(from - 1))
                || text.word(from - 1).equals("on") && onset.contains(text.word(from - 2)))
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
        if (lexicon.tenseCue(token.lower()) == null && i > 0 && lexicon.words("adjective-markers").contains(text.word(i - 1))) {
            return null;
        }
        if (be.contains(token.lower()) && text.word(i + 1).equals("to")) {
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
        if (w.length() >= MIN_SUFFIXED_VERB && !token.capitalised()) {
            if (endsWithAny(w, pastSuffixes)) {
                return Tense.PAST;
            }
            if (endsWithAny(w, futureSuffixes)) {
                return Tense.FUTURE;
            }
        }
        return null;
    }

    private static boolean endsWithAny(String word, java.util.Set<String> suffixes) {
        for (String suffix : suffixes) {
            if (word.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
