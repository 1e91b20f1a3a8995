package io.storyline.enrich.dates;

import java.time.LocalDate;

/**
 * What an expression is resolved against.
 *
 * @param anchor    the document's date (publication or creation date)
 * @param tense     the tense of the clause around the expression
 * @param reference the last date the text mentioned before this expression, for "a year earlier", "that day"; or null
 * @param referenceNearby whether that date was mentioned in this sentence or the one before
 * @param reportedQuarter the last quarter (or half) the few sentences before named, the period an earnings report
 *                        compares "a year ago" with; or null
 * @param referenceInSentence whether that date was mentioned in this very sentence
 */
record Context(LocalDate anchor, Tense tense, Moment reference, boolean referenceNearby, Moment reportedQuarter,
               boolean referenceInSentence) {

    Context(LocalDate anchor, Tense tense, Moment reference, boolean referenceNearby) {
        this(anchor, tense, reference, referenceNearby, null, false);
    }

    Moment anchorDay() {
        return Moment.day(anchor);
    }

    /**
     * The reference when it is nearby and lies within the year before the anchor (or after it): what a reporting
     * period word such as "year-ago" or "the quarter" can refer to; else null.
     */
    Moment recentReference() {
        if (reference == null || !referenceNearby || reference.start().isBefore(anchor.minusMonths(15))) {
            return null;
        }
        return reference;
    }
}
