package io.storyline.enrich.dates;

import io.storyline.enrich.dates.Lexicon.Entry;
import io.storyline.enrich.dates.Lexicon.WordClass;
import java.util.Set;

/**
 * The year a figure is compared with, in German, French and Spanish news: "el año anterior", "l'année précédente"
 * (the year before the one the text is about) and "el mismo periodo del año anterior", "el mismo mes del año
 * pasado" (the period just named, a year earlier). Both count from the date mentioned before them, not from the
 * anchor: "en enero cayeron un 35% respecto al mismo mes del año anterior" compares with January a year before,
 * and after "el año pasado" the year before is two years back. Words come from the language's lists
 * {@code previous-words}, {@code same-words}, {@code period-words} and {@code comparison-joiners}; a language without them has no such rule.
 */
final class ComparisonRules {

    private final Set<String> spanArticles;
    private final Set<String> ofWords;
    private final Set<String> previousWords;
    private final Set<String> sameWords;
    private final Set<String> periodWords;

    ComparisonRules(Lexicon lexicon) {
        spanArticles = lexicon.words("span-articles");
        ofWords = lexicon.words("comparison-joiners");
        previousWords = lexicon.words("previous-words");
        sameWords = lexicon.words("same-words");
        periodWords = lexicon.words("period-words");
    }

    /** Whether the unit at i is followed by a word that makes it the year before: "año anterior", "año pasado". */
    boolean previousAfter(Scan s, int i) {
        Entry deictic = s.entry(i + 1, WordClass.DEICTIC);
        return previousWords.contains(s.word(i + 1)) || deictic != null && deictic.number() < 0;
    }

    /** The longest comparison starting at i, or null. */
    Match at(Scan s, int i) {
        Match same = samePeriod(s, i);
        return same != null ? same : previousYear(s, i);
    }

    /** [article] year previous: "el año anterior", "año anterior" (after "al", which is no article). */
    private Match previousYear(Scan s, int i) {
        int k = afterArticle(s, i);
        if (s.unit(k) != Unit.YEAR || s.pluralUnit(k) || !previousWords.contains(s.word(k + 1))) {
            return null;
        }
        return Match.anaphoric(i, k + 2, Resolution.moment(c -> base(c).at(Granularity.YEAR).shift(Unit.YEAR, -1)));
    }

    /** [article] same (unit | period) of [the] year (previous | last): the named period a year earlier. */
    private Match samePeriod(Scan s, int i) {
        int k = afterArticle(s, i);
        if (!sameWords.contains(s.word(k))) {
            return null;
        }
        k++;
        Unit unit = s.unit(k);
        boolean period = periodWords.contains(s.word(k));
        if (period == (unit != null) || unit != null && (unit.clock() || s.pluralUnit(k))) {
            return null;
        }
        k++;
        if (!ofWords.contains(s.word(k))) {
            return null;
        }
        k = afterArticle(s, k + 1);
        if (s.unit(k) != Unit.YEAR || !previousAfter(s, k)) {
            return null;
        }
        Granularity g = unit == null ? null : unit.pointGranularity;
        return Match.anaphoric(i, k + 2, Resolution.moment(c -> {
            // "el mismo periodo" of an earnings report is the quarter reported on, named a few sentences before
            Moment before = g == null && c.reportedQuarter() != null ? c.reportedQuarter() : base(c);
            // "el mismo mes" after a mere year names no month of it: the anchor's month then
            Moment named = g == null ? before : (g.finerThan(before.granularity()) ? c.anchorDay() : before).at(g);
            return named.shift(Unit.YEAR, -1);
        }));
    }

    /** The token after an article at i ("el", "l'"), or i. */
    private int afterArticle(Scan s, int i) {
        if (!spanArticles.contains(s.word(i))) {
            return i;
        }
        return s.is(i + 1, "'") ? i + 2 : i + 1;
    }

    /** The date the comparison starts from: the one mentioned before, else the anchor's day. */
    private static Moment base(Context c) {
        return c.reference() != null && !Granularity.YEAR.finerThan(c.reference().granularity()) ? c.reference()
                : c.anchorDay();
    }
}
