package io.storyline.enrich.dates;

import io.storyline.enrich.dates.NumberReader.Number;
import java.util.Set;

/**
 * Lengths of time: "two days", "a five-year plan", "2 1/2 years", "the past three years", "several weeks", "years",
 * "half an hour". An age ("42-year-old", "six years old") is not a duration.
 */
final class DurationRules {

    /** How much of a unit: {@code amount} is NaN when the text leaves it vague ("several years"). */
    record Quantity(double amount, Unit unit, int end) {
        boolean vague() {
            return Double.isNaN(amount);
        }

        String timex() {
            if (vague()) {
                return unit.vagueDuration();
            }
            double whole = Math.floor(amount);
            double rest = amount - whole;
            if (rest < 1e-9) {
                return unit.duration((long) whole);
            }
            Unit smaller = unit.smaller();
            if (smaller == null) {
                // nothing finer to carry the fraction ("30.4 seconds"): TIMEX3 writes it as a decimal, PT30.4S
                String decimal = java.math.BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
                return (unit.clock() ? "PT" : "P") + decimal + unit.duration(1).substring(unit.clock() ? 3 : 2);
            }
            long parts = Math.round(rest * unit.smallerPerUnit());
            if (whole == 0) {
                return smaller.duration(parts);
            }
            String head = unit.duration((long) whole);
            String tail = smaller.duration(parts);
            boolean tailNeedsT = smaller.clock() && !unit.clock();
            return head + (tailNeedsT ? "T" : "") + tail.substring(smaller.clock() ? 2 : 1);
        }
    }




    private DurationRules() {
    }

    /** A quantity of a unit at i (without "the" or leads): "two days", "a week", "five-year", "several months". */
    static Quantity quantity(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        String w = s.word(i);
        if ((w.equals("a") || w.equals("an")) && s.inRange(i + 1)) {
            if (s.is(i + 1, "couple") && s.is(i + 2, "of")) {
                return unitAfter(s, i + 3, 2, true);
            }
            if (s.is(i + 1, "few") || s.is(i + 1, "number") && s.is(i + 2, "of")) {
                return unitAfter(s, s.is(i + 1, "few") ? i + 2 : i + 3, Double.NaN, true);
            }
            if (s.is(i + 1, "half")) {
                return unitAfter(s, i + 2, 0.5, false);
            }
            Quantity one = unitAfter(s, i + 1, 1, false);
            if (one != null && one.unit() == Unit.SECOND) {
                return null;
            }
            if (one != null && s.is(one.end(), "and") && s.is(one.end() + 1, "a") && s.is(one.end() + 2, "half")) {
                return new Quantity(1.5, one.unit(), one.end() + 3);
            }
            return one;
        }
        if (w.equals("half") && (s.is(i + 1, "a") || s.is(i + 1, "an"))) {
            return unitAfter(s, i + 2, 0.5, false);
        }
        if (w.equals("half") && s.hyphen(i + 1)) {
            return unitAfter(s, i + 2, 0.5, false);
        }
        if (w.equals("couple") && s.is(i + 1, "of")) {
            return unitAfter(s, i + 2, 2, true);
        }
        if (s.inList(i, "vague-quantities")) {
            Quantity q = unitAfter(s, i + 1, Double.NaN, true);
            return q != null && s.pluralUnit(i + 1) ? q : null;
        }
        Number n = NumberReader.cardinal(s, i);
        if (n == null || n.value() <= 0 || looksLikeYear(s, i)) {
            return null;
        }
        int k = n.end();
        if (s.isAny(k, "to", "or") || s.hyphen(k) && s.token(k + 1).isNumber()) {
            Number second = NumberReader.cardinal(s, k + 1);
            if (second != null && s.unit(second.end()) != null) {
                k = second.end();
            }
        }
        Quantity q = unitAfter(s, k, n.value(), true);
        if (q == null) {
            return null;
        }
        if (s.is(q.end(), "and") && s.is(q.end() + 1, "a") && s.is(q.end() + 2, "half")) {
            return new Quantity(n.value() + 0.5, q.unit(), q.end() + 3);
        }
        return q;
    }

    private static Quantity unitAfter(Scan s, int k, double amount, boolean allowHyphen) {
        int at = allowHyphen && s.hyphen(k) ? k + 1 : k;
        if (s.inList(at, "unit-adjectives") && s.unit(at + 1) != null) {
            at++;
        }
        Unit unit = s.unit(at);
        if (unit == null) {
            return null;
        }
        Lexicon.Entry e = s.entry(at, Lexicon.WordClass.UNIT);
        double scaled = e.flagged("fortnight") ? amount * 2 : amount;
        int end = at + 1;
        if (s.is(end, "or") && s.is(end + 1, "so")) {
            end += 2;
        }
        return new Quantity(scaled, unit, end);
    }

    /** A four-digit number without separators before a singular unit names a year ("the 1988 quarter"). */
    private static boolean looksLikeYear(Scan s, int i) {
        Token t = s.token(i);
        return t.isNumber() && t.text().length() == 4 && t.intValue() >= 1000 && !s.pluralUnit(i + 1);
    }

    /** "$2 million a year", "five flights a week": a rate, not a length of time. */
    static boolean isRate(Scan s, int i) {
        if (!s.isAny(i, "a", "an", "per")) {
            return false;
        }
        // "$2 million a year", "700 seats a week"
        return s.token(i - 1).isNumber() || s.inList(i - 1, "rate-before") || s.token(i - 2).isNumber();
    }

    /** An age ("42-year-old", "six years old", "a 50-year-old alliance") follows the quantity. */
    static boolean isAge(Scan s, int end) {
        return (s.hyphen(end) && s.is(end + 1, "old")) || s.is(end, "old") || s.is(end, "older")
                || s.is(end, "of") && s.is(end + 1, "age");
    }

    /**
     * [the] [past|next|first…] quantity [-long]; [the] past|next year (one unit, as a duration); recent/coming
     * plurals (PAST_REF / FUTURE_REF); bare plurals ("years") as vague durations.
     */
    static Match duration(Scan s, int i) {
        int k = i;
        boolean the = s.is(k, "the");
        if (the) {
            k++;
        }
        String lead = null;
        if (s.inList(k, "period-leads")) {
            lead = s.word(k);
            k++;
            if (s.is(k, "few") || s.is(k, "several")) {
                Quantity q = unitAfter(s, k + 1, Double.NaN, false);
                if (q != null && s.pluralUnit(k + 1)) {
                    return new Match(i, q.end(), Resolution.constant("DURATION", q.timex()));
                }
            }
        }
        if (s.isAny(s.afterThe(i), "recent", "coming", "upcoming") && s.pluralUnit(s.afterThe(i) + 1)) {
            int at = s.afterThe(i);
            return new Match(i, at + 2, Resolution.constant("DURATION", s.unit(at + 1).vagueDuration()));
        }
        Quantity q = isRate(s, k) ? null : quantity(s, k);
        if (q == null) {
            if (the && s.is(k, "year") && (s.isAny(k - 1, "past", "full", "entire", "whole"))) {
                // TimeBank dates "the past year" as last year and "the full year" as this year
                int offset = s.is(k - 1, "past") ? -1 : 0;
                return new Match(i, k + 1, Resolution.moment(c -> Moment.year(c.anchor().getYear() + offset)));
            }
            if (lead != null && the && s.unit(k) != null && !s.pluralUnit(k) && !lead.equals("same")
                    && !lead.equals("other") && !lead.equals("following") && !lead.equals("previous")
                    && !lead.equals("first") && !lead.equals("last") && !lead.equals("next") && !lead.equals("latest")) {
                Unit unit = s.unit(k);
                return new Match(i, k + 1, Resolution.constant("DURATION", unit.duration(1)));
            }
            if (lead == null && s.pluralUnit(k) && s.unit(k) != Unit.WEEKEND && !s.is(k - 1, "-") && !isAge(s, k + 1)
                    && (!s.token(k).capitalised() || s.text.sentenceStart(k) == k)) {
                return new Match(i, k + 1, Resolution.constant("DURATION", s.unit(k).vagueDuration()));
            }
            return null;
        }
        if (isAge(s, q.end()) || q.unit() == Unit.QUARTER && s.is(q.end(), "of")) {
            return null; // "a 42-year-old", "three-quarters of its food"
        }
        int end = q.end();
        if (s.hyphen(end) && s.is(end + 1, "long")) {
            end += 2;
        }
        if (the && lead == null && q.amount() == 1 && s.is(k, "a")) {
            return null;
        }
        return new Match(i, end, Resolution.constant("DURATION", q.timex()));
    }
}
