package io.storyline.enrich.dates;

import io.storyline.enrich.dates.DurationRules.Quantity;
import java.util.List;
import java.util.Set;

/**
 * Finds the temporal expressions of a text: at each token the rule families propose matches, the longest wins, and
 * scanning goes on after it. Modifiers extend a match without changing its value: "early", "the end of",
 * "earlier this", before dates; "about", "nearly", "more than", before durations and "... ago".
 */
final class Grammar implements ExpressionGrammar {

    private static final Set<String> POSITION_WORDS = Set.of("early", "late", "mid", "earlier", "later");
    /** Approximators that take a quantity only, not "the past three years" ("over the past year" is a span). */
    private static final Set<String> QUANTITY_ONLY = Set.of("over", "under", "about", "around", "some", "approximately",
            "roughly");

    private final RelativeRules relative = new RelativeRules(this);
    private final ClockRules clocks = new ClockRules(this);

    @Override
    public Match longestAt(Scan s, int i) {
        Match best = coreAt(s, i);
        best = longer(best, positioned(s, i));
        best = longer(best, approximated(s, i));
        return best;
    }

    /** Every unmodified expression starting at i; the longest. */
    private Match coreAt(Scan s, int i) {
        Match best = pointAt(s, i);
        best = longer(best, DurationRules.duration(s, i));
        best = longer(best, SetRules.set(s, i));
        best = longer(best, PhraseRules.phrase(s, i));
        return best;
    }

    /** Expressions that resolve to a calendar point at i (what "two months before ..." can anchor on). */
    Match pointAt(Scan s, int i) {
        Match best = dayAt(s, i);
        best = longer(best, CalendarRules.month(s, i));
        best = longer(best, CalendarRules.year(s, i));
        best = longer(best, CalendarRules.decade(s, i));
        best = longer(best, CalendarRules.century(s, i));
        best = longer(best, CalendarRules.season(s, i));
        best = longer(best, CalendarRules.quarterOrHalf(s, i));
        best = longer(best, relative.deictic(s, i));
        best = longer(best, relative.offset(s, i));
        best = longer(best, relative.anaphoric(s, i));
        best = longer(best, clocks.time(s, i));
        return longer(best, PhraseRules.dayPhrase(s, i));
    }

    /** Expressions naming a day at i: dates, weekdays, holidays, today/yesterday/tomorrow. */
    Match dayAt(Scan s, int i) {
        Match best = CalendarRules.day(s, i);
        best = longer(best, relative.weekday(s, i));
        best = longer(best, CalendarRules.holiday(s, i));
        return longer(best, PhraseRules.dayPhrase(s, i));
    }

    /** early 1990, the end of the year, earlier this month, mid-November, late yesterday, later that day. */
    private Match positioned(Scan s, int i) {
        int k = -1;
        if (POSITION_WORDS.contains(s.word(i))) {
            k = i + 1;
            if (s.hyphen(k)) {
                k++;
            } else if (s.is(i, "mid") && s.is(k, "-")) {
                k++;
            }
            if (s.isAny(i, "earlier", "later") && s.is(k, "in") && s.is(k + 1, "the")) {
                Unit unit = s.unit(k + 2);
                if (unit != null && !s.pluralUnit(k + 2) && !unit.clock()) {
                    Granularity g = unit.pointGranularity;
                    return new Match(i, k + 3, Resolution.moment(c -> c.anchorDay().at(g)));
                }
            }
        } else if (s.lexicon.startsPhrase("position-phrases", s.word(i))) {
            for (List<String> phrase : s.lexicon.phrases("position-phrases")) {
                int end = CalendarRules.matchWords(s, i, phrase);
                if (end > 0) {
                    k = end;
                    break;
                }
            }
        }
        if (k < 0) {
            return null;
        }
        Match core = pointAt(s, k);
        if (core == null) {
            core = unitOfReference(s, k);
        }
        return core == null ? null : core.from(i);
    }

    /** "the year", "the month", "the week" after "the end of": the anchor's (or mentioned date's) unit. */
    private static Match unitOfReference(Scan s, int k) {
        if (!s.isAny(k, "the", "this")) {
            return null;
        }
        Unit unit = s.unit(k + 1);
        if (unit == null || s.pluralUnit(k + 1) || unit.clock()) {
            return null;
        }
        Granularity g = unit.pointGranularity;
        return new Match(k, k + 2, Resolution.moment(c -> c.anchorDay().at(g)));
    }

    /** about two years, nearly four years ago, more than 20 days. */
    private Match approximated(Scan s, int i) {
        if (!s.lexicon.startsPhrase("approximators", s.word(i))) {
            return null;
        }
        for (List<String> phrase : s.lexicon.phrases("approximators")) {
            int end = CalendarRules.matchWords(s, i, phrase);
            if (end < 0) {
                continue;
            }
            if (s.is(end, "the") && QUANTITY_ONLY.contains(phrase.get(0))) {
                continue;
            }
            Match core = relative.offset(s, end);
            if (core == null) {
                core = DurationRules.duration(s, end);
                Quantity q = DurationRules.quantity(s, s.afterThe(end));
                if (core != null && q == null && !s.is(end, "the")) {
                    core = null;
                }
            }
            if (core != null) {
                return core.from(i);
            }
        }
        return null;
    }

    private static Match longer(Match best, Match candidate) {
        if (candidate == null) {
            return best;
        }
        return best == null || candidate.end() > best.end() ? candidate : best;
    }
}
