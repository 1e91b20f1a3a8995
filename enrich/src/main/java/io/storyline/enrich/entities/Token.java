package io.storyline.enrich.entities;

/**
 * One token of an article body as the name tagger saw it.
 *
 * @param word  the token's text as it stands in the body
 * @param start offset of its first character in the body
 * @param end   offset after its last character
 * @param label the statistical tagger's class: {@code PER}, {@code LOC}, {@code ORG} or {@code O}
 */
record Token(String word, int start, int end, String label) {

    static final String OUTSIDE = "O";

    boolean isCapitalised() {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }
}
