package io.storyline.enrich.dates;

import io.storyline.common.article.EventDate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the day the reported event happened: among the days the text names that lie shortly before (or on) the
 * document date and are not in a future-tense clause, the one named most often, a day that only dates a reporting
 * verb ("said Thursday") counting half; ties go to the first named. Without such a day, the document date itself.
 */
final class EventDateEstimator {

    static final String DATE_MENTION = "DATE_MENTION";
    static final String PUBLISHED_AT = "PUBLISHED_AT";

    private final int windowDays;

    EventDateEstimator(int windowDays) {
        this.windowDays = windowDays;
    }

    EventDate estimate(List<ResolvedMention> mentions, LocalDate documentDate, int window) {
        Map<LocalDate, Double> scores = new LinkedHashMap<>();
        Map<LocalDate, ResolvedMention> first = new LinkedHashMap<>();
        LocalDate earliest = documentDate.minusDays(window);
        for (ResolvedMention m : mentions) {
            if (m.moment() == null || m.moment().granularity().compareTo(Granularity.DAY) < 0
                    || m.tense() == Tense.FUTURE) {
                continue;
            }
            LocalDate day = m.moment().start();
            if (day.isAfter(documentDate) || day.isBefore(earliest)) {
                continue;
            }
            scores.merge(day, m.reporting() ? 0.5 : 1.0, Double::sum);
            first.putIfAbsent(day, m);
        }
        LocalDate best = null;
        for (Map.Entry<LocalDate, Double> e : scores.entrySet()) {
            if (best == null || e.getValue() > scores.get(best)) {
                best = e.getKey();
            }
        }
        if (best == null) {
            return new EventDate(documentDate.toString(), PUBLISHED_AT, null, -1);
        }
        ResolvedMention evidence = first.get(best);
        return new EventDate(best.toString(), DATE_MENTION, evidence.mention().text(), evidence.mention().start());
    }

    EventDate estimate(List<ResolvedMention> mentions, LocalDate documentDate) {
        return estimate(mentions, documentDate, windowDays);
    }
}
