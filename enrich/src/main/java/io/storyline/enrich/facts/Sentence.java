package io.storyline.enrich.facts;

/**
 * A sentence of an article: the headline is sentence 0 with {@code start} -1; body sentences carry their offset.
 *
 * @param index position in the article (0 = headline, when there is one)
 */
record Sentence(int index, String text, int start) {

    boolean headline() {
        return start < 0;
    }

    int end() {
        return start + text.length();
    }

    /** Whether a body offset lies in this sentence (never in the headline, which has no body offsets). */
    boolean holds(int offset) {
        return !headline() && offset >= start && offset < end();
    }
}
