package io.storyline.enrich.dates;

import io.storyline.common.article.DateMention;

/**
 * A mention with what the document-date inference and the event-date estimate need beyond the public record.
 *
 * @param moment    the calendar value, or null for durations, sets and PRESENT_REF-like values
 * @param tense     tense of the clause around it
 * @param reporting whether it dates a reporting verb ("said Thursday"), which is when news was told, not made
 */
record ResolvedMention(DateMention mention, Moment moment, Tense tense, boolean explicitYear, boolean reporting,
                       int tokenStart) {
}
