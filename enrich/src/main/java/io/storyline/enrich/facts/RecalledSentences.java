package io.storyline.enrich.facts;

import io.storyline.common.article.DateMention;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sentences that recall an earlier event: those naming a day (or a month or year that has ended) more than
 * {@link #DAYS} days before publication ("In March 2019, a worker died at the same plant"). News of
 * an event is published within days of it, so a count in such a sentence belongs to another event.
 */
final class RecalledSentences {

    static final int DAYS = 30;

    private RecalledSentences() {
    }

    /** The indices of the body sentences that name a date that long before {@code published}. */
    static Set<Integer> of(List<Sentence> sentences, List<DateMention> dates, LocalDate published) {
        Set<Integer> out = new HashSet<>();
        if (published == null || dates == null) {
            return out;
        }
        LocalDate before = published.minusDays(DAYS);
        for (DateMention mention : dates) {
            LocalDate last = lastDay(mention.value());
            if (last == null || !last.isBefore(before)) {
                continue;
            }
            Sentence sentence = Sentences.containing(sentences, mention.start());
            if (sentence != null) {
                out.add(sentence.index());
            }
        }
        return out;
    }

    /** The last day a TIMEX3 date value covers ("2014-11" → 2014-11-30); null for any other value. */
    static LocalDate lastDay(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(value.substring(0, 10));
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value).atEndOfMonth();
            }
            if (value.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(value), 12, 31);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
