package io.storyline.enrich.dates;

import io.storyline.enrich.dates.NumberReader.Number;

/** Recurring times (TIMEX3 SET): "every week", "each year", "daily", "Tuesdays", "Tuesday nights", "twice a year". */
final class SetRules {


    private SetRules() {
    }

    static Match set(Scan s, int i) {
        Match m = every(s, i);
        if (m == null) {
            m = adverb(s, i);
        }
        if (m == null) {
            m = pluralWeekday(s, i);
        }
        if (m == null) {
            m = frequency(s, i);
        }
        return m;
    }

    /** every / each [other] [N] unit | weekday | part of day. */
    private static Match every(Scan s, int i) {
        if (!s.isAny(i, "every", "each")) {
            return null;
        }
        int k = i + 1;
        int step = 1;
        if (s.is(k, "other")) {
            step = 2;
            k++;
        } else {
            Number n = NumberReader.cardinal(s, k);
            if (n != null && n.whole() && s.unit(n.end()) != null) {
                step = (int) n.value();
                k = n.end();
            }
        }
        Unit unit = s.unit(k);
        if (unit != null) {
            if (s.is(k + 1, "of") || unit == Unit.WEEKEND) {
                return unit == Unit.WEEKEND ? new Match(i, k + 1, Resolution.constant("SET", "XXXX-WXX-WE")) : null;
            }
            return new Match(i, k + 1, Resolution.constant("SET", unit.duration(step)));
        }
        int weekday = s.weekday(k);
        if (weekday > 0) {
            String pod = s.partOfDay(k + 1);
            String value = "XXXX-WXX-" + weekday + (pod == null ? "" : "T" + pod);
            return new Match(i, k + (pod == null ? 1 : 2), Resolution.constant("SET", value));
        }
        String pod = s.partOfDay(k);
        if (pod != null) {
            return new Match(i, k + 1, Resolution.constant("SET", "XXXX-XX-XXT" + pod));
        }
        return null;
    }

    private static Match adverb(Scan s, int i) {
        Lexicon.Entry e = s.entry(i, Lexicon.WordClass.SET_ADVERB);
        if (e == null || s.is(i + 1, "-") || s.is(i - 1, "-") || s.is(i, "quarterly") && modifiesNoun(s, i + 1)
                || s.token(i - 1).isNumber() || s.inList(i - 1, "rate-before")) {
            // "rise 8.5% annually", "10,000 units annually": how much per year, the rate of a quantity
            return null;
        }
        return new Match(i, i + 1, Resolution.constant("SET", e.value()));
    }

    /**
     * "a quarterly dividend", "quarterly results": before a noun, "quarterly" names the kind of report, not a
     * recurrence ("daily life", "weekly address" do recur, and TimeBank tags them).
     */
    private static boolean modifiesNoun(Scan s, int next) {
        if (!s.inRange(next) || !s.token(next).isWord() || s.token(next).capitalised()) {
            return false;
        }
        return !s.inList(next, "not-nouns") && !s.word(next).endsWith("ly");
    }

    /** "Tuesdays", "on Tuesday nights". */
    private static Match pluralWeekday(Scan s, int i) {
        Lexicon.Entry e = s.entry(i, Lexicon.WordClass.WEEKDAY);
        if (e == null || !s.token(i).capitalised()) {
            return null;
        }
        Lexicon.Entry pod = s.entry(i + 1, Lexicon.WordClass.PART_OF_DAY);
        if (e.flagged("plural")) {
            String suffix = pod != null && pod.flagged("plural") ? "T" + pod.value() : "";
            return new Match(i, i + (suffix.isEmpty() ? 1 : 2), Resolution.constant("SET", "XXXX-WXX-" + e.value() + suffix));
        }
        if (pod != null && pod.flagged("plural")) {
            return new Match(i, i + 2, Resolution.constant("SET", "XXXX-WXX-" + e.value() + "T" + pod.value()));
        }
        return null;
    }

    /** once / twice / N times a|per|each unit. */
    private static Match frequency(Scan s, int i) {
        int k;
        if (s.isAny(i, "once", "twice", "thrice")) {
            k = i + 1;
        } else {
            Number n = NumberReader.cardinal(s, i);
            if (n == null || !s.is(n.end(), "times")) {
                return null;
            }
            k = n.end() + 1;
        }
        if (!s.isAny(k, "a", "an", "per", "each", "every")) {
            return null;
        }
        Unit unit = s.unit(k + 1);
        if (unit == null || s.pluralUnit(k + 1)) {
            return null;
        }
        return new Match(i, k + 2, Resolution.constant("SET", unit.duration(1)));
    }
}
