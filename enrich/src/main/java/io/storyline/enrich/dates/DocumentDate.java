package io.storyline.enrich.dates;

import java.time.LocalDate;
import java.util.List;

/**
 * Infers when a document was written from the dates it names with their year, for articles whose publication date
 * is only the time ingest saw them. The latest such date in a past-tense clause is a lower bound and wins; without
 * one, the earliest date named otherwise ("takes office on January 20, 2025") is taken as an upper bound that the
 * writing time lies close to. Dates after the time the record was seen are impossible and ignored.
 */
final class DocumentDate {

    private DocumentDate() {
    }

    /** The inferred date and the mention it rests on. */
    record Inference(LocalDate date, ResolvedMention evidence) {
    }

    /** The inferred date, or null when the text names no usable date with a year. */
    static Inference infer(List<ResolvedMention> mentions, LocalDate seen) {
        Inference latestPast = null;
        Inference earliestOther = null;
        for (ResolvedMention m : mentions) {
            if (!m.explicitYear() || m.moment() == null) {
                continue;
            }
            Granularity g = m.moment().granularity();
            if (g != Granularity.MONTH && g.compareTo(Granularity.DAY) < 0) {
                continue;
            }
            LocalDate date = g == Granularity.MONTH
                    ? m.moment().start().withDayOfMonth(m.moment().start().lengthOfMonth()) : m.moment().start();
            if (date.isAfter(seen)) {
                continue;
            }
            if (m.tense() == Tense.PAST) {
                if (latestPast == null || date.isAfter(latestPast.date())) {
                    latestPast = new Inference(date, m);
                }
            } else if (earliestOther == null || date.isBefore(earliestOther.date())) {
                earliestOther = new Inference(date, m);
            }
        }
        return latestPast != null ? latestPast : earliestOther;
    }
}
