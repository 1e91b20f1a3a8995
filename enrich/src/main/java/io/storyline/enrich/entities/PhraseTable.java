package io.storyline.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the longest listed phrase starting at a token. Phrases are stored as their token words joined by single
 * spaces, tokenised the way article text is ({@link PhraseTokenizer}), so a listed "Washington, D.C." matches the
 * tokens of the same text in a body.
 *
 * @param <V> what a phrase stands for
 */
final class PhraseTable<V> {

    /** A phrase found in a sentence: tokens {@code [start, end)}. */
    record Match<V>(int start, int end, V value) {
    }

    private final Map<String, V> phrases = new HashMap<>();
    private final boolean ignoreCase;
    private int longest = 1;

    PhraseTable(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    /** Adds a phrase unless it is there already: the first entry for a name wins. */
    void add(String phrase, V value) {
        List<String> words = PhraseTokenizer.words(phrase);
        if (words.isEmpty()) {
            return;
        }
        phrases.putIfAbsent(key(String.join(" ", words)), value);
        longest = Math.max(longest, words.size());
    }

    V get(String phrase) {
        return phrases.get(key(String.join(" ", PhraseTokenizer.words(phrase))));
    }

    /** The longest phrase that starts at token {@code start}, or null. */
    Match<V> longestAt(List<Token> tokens, int start) {
        int max = Math.min(longest, tokens.size() - start);
        StringBuilder key = new StringBuilder();
        Match<V> found = null;
        for (int n = 1; n <= max; n++) {
            if (n > 1) {
                key.append(' ');
            }
            key.append(tokens.get(start + n - 1).word());
            V value = phrases.get(key(key.toString()));
            if (value != null) {
                found = new Match<>(start, start + n, value);
            }
        }
        return found;
    }

    private String key(String words) {
        return ignoreCase ? words.toLowerCase(Locale.ROOT) : words;
    }
}
