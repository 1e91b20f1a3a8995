package io.storyline.enrich.eval.ner;

/** A name over tokens {@code [start, end)} of one sentence, with its label in the gold file's label set. */
record Span(int start, int end, String label) {

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
