package io.storyline.enrich.dates;

/**
 * A temporal expression the grammar found: tokens [start, end), and how to resolve its value once the anchor date,
 * the tense around it and the previous date of the text are known.
 *
 * @param explicitYear whether the expression names its year itself ("January 20, 2025"), so that it can date the
 *                     document when the publication date is unreliable
 */
record Match(int start, int end, Resolution resolution, boolean explicitYear) {

    Match(int start, int end, Resolution resolution) {
        this(start, end, resolution, false);
    }

    int length() {
        return end - start;
    }

    Match from(int newStart) {
        return new Match(newStart, end, resolution, explicitYear);
    }

    Match extendTo(int newEnd) {
        return new Match(start, newEnd, resolution, explicitYear);
    }

    Match with(Resolution other) {
        return new Match(start, end, other, explicitYear);
    }
}
