package io.storyline.enrich.dates;

/**
 * One token of the text: a word, a number (digits with inner separators, possibly with a letter suffix such as
 * {@code 1990s} or {@code 21st}) or a single punctuation character.
 *
 * @param lower      the text in lower case, what the grammar and the lexicon compare against
 * @param spaceBefore whether white space separates this token from the previous one ({@code third-quarter} has none)
 */
record Token(String text, String lower, int start, int end, Kind kind, boolean spaceBefore) {

    enum Kind { WORD, NUMBER, PUNCT }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /** The value of a plain digit token ({@code 21}, {@code 1998}), or -1. */
    int intValue() {
        if (kind != Kind.NUMBER || text.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
