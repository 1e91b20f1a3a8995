package io.storyline.enrich.dates;

/**
 * A temporal expression the grammar found: tokens [start, end), and how to resolve its value once the anchor date,
 * the tense around it and the previous date of the text are known.
 *
 * @param explicitYear whether the expression names its year itself ("January 20, 2025"), so that it can date the
 *                     document when the publication date is unreliable
 * @param anaphoric    whether its value is computed from the date mentioned before ("a year earlier"); such a value
 *                     does not become the reference for what follows ("in the quarter" after "the year-ago quarter"
 *                     still means the quarter reported on)
 */
record Match(int start, int end, Resolution resolution, boolean explicitYear, boolean anaphoric) {

    Match(int start, int end, Resolution resolution) {
        this(start, end, resolution, false, false);
    }

    Match(int start, int end, Resolution resolution, boolean explicitYear) {
        this(start, end, resolution, explicitYear, false);
    }

    static Match anaphoric(int start, int end, Resolution resolution) {
        return new Match(start, end, resolution, false, true);
    }

    int length() {
        return end - start;
    }

    Match withEnd(int newEnd) {
        return new Match(start, newEnd, resolution, explicitYear, anaphoric);
    }

    Match from(int newStart) {
        return new Match(newStart, end, resolution, explicitYear, anaphoric);
    }
}
