package io.storyline.enrich.dates;

import io.storyline.enrich.dates.Lexicon.Entry;
import io.storyline.enrich.dates.Lexicon.WordClass;

/** Reads numbers written in digits or words, ordinals, and years ("1998", "nineteen ninety-six", "'98"). */
final class NumberReader {

    /** A number read from tokens [start, end); {@code value} may hold a fraction (2 1/2 → 2.5). */
    record Number(double value, int end) {
        boolean whole() {
            return value == Math.rint(value);
        }
    }

    private NumberReader() {
    }

    /** A cardinal number at i: 21, 1,000, 3.5, 2 1/2, twenty-four, one hundred, one and a half. */
    static Number cardinal(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        Token t = s.token(i);
        double value;
        int end;
        if (t.isNumber()) {
            Double digits = digits(t.text());
            if (digits == null) {
                return null;
            }
            value = digits;
            end = i + 1;
            Double fraction = s.inRange(end) && s.token(end).isNumber() ? fraction(s.token(end).text()) : null;
            if (fraction != null && fraction < 1) {
                value += fraction;
                end++;
            }
        } else {
            Number words = words(s, i);
            if (words == null) {
                return null;
            }
            value = words.value();
            end = words.end();
        }
        if (s.is(end, "and") && s.is(end + 1, "a") && s.is(end + 2, "half")) {
            return new Number(value + 0.5, end + 3);
        }
        return new Number(value, end);
    }

    private static Number words(Scan s, int i) {
        if (s.is(i, "a") && s.entry(i + 1, WordClass.NUMBER) != null && s.entry(i + 1, WordClass.NUMBER).flagged("multiplier")) {
            return new Number(s.entry(i + 1, WordClass.NUMBER).number(), i + 2);
        }
        Entry first = s.entry(i, WordClass.NUMBER);
        if (first == null || first.flagged("multiplier")) {
            return null;
        }
        int value = first.number();
        int end = i + 1;
        if (first.flagged("tens")) {
            int unitAt = s.hyphen(end) ? end + 1 : end;
            Entry unit = s.entry(unitAt, WordClass.NUMBER);
            if (unit != null && unit.number() > 0 && unit.number() < 10) {
                value += unit.number();
                end = unitAt + 1;
            }
        }
        Entry multiplier = s.entry(end, WordClass.NUMBER);
        if (multiplier != null && multiplier.flagged("multiplier")) {
            value *= multiplier.number();
            end++;
        }
        return new Number(value, end);
    }

    /** An ordinal at i: 21st, first, twenty-first; returns the number, or null. */
    static Number ordinal(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        Token t = s.token(i);
        if (t.isNumber()) {
            String w = t.lower();
            if (w.length() > 2 && (w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd") || w.endsWith("th"))) {
                Double v = digits(w.substring(0, w.length() - 2));
                return v == null ? null : new Number(v, i + 1);
            }
            return null;
        }
        Entry e = s.entry(i, WordClass.ORDINAL);
        if (e != null && !e.flagged("last")) {
            return new Number(e.number(), i + 1);
        }
        Entry tens = s.entry(i, WordClass.NUMBER);
        if (tens != null && tens.flagged("tens")) {
            int at = s.hyphen(i + 1) ? i + 2 : i + 1;
            Entry unit = s.entry(at, WordClass.ORDINAL);
            if (unit != null && !unit.flagged("last") && unit.number() < 10) {
                return new Number(tens.number() + unit.number(), at + 1);
            }
        }
        return null;
    }

    /** A year at i: four digits 1000-2099, or words ("nineteen ninety-six", "two thousand one"). */
    static Number year(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        Token t = s.token(i);
        if (t.isNumber()) {
            int v = t.intValue();
            return t.text().length() == 4 && v >= 1000 && v <= 2099 ? new Number(v, i + 1) : null;
        }
        Entry first = s.entry(i, WordClass.NUMBER);
        if (first == null) {
            return null;
        }
        if (first.number() == 2 && s.is(i + 1, "thousand")) {
            int end = i + 2;
            int at = s.is(end, "and") ? end + 1 : end;
            Number rest = words(s, at);
            if (rest != null && rest.value() < 100) {
                return new Number(2000 + rest.value(), rest.end());
            }
            return new Number(2000, end);
        }
        if (first.number() >= 10 && first.number() <= 20 && !first.flagged("tens")) {
            Number rest = words(s, i + 1);
            if (rest != null && rest.value() >= 10 && rest.value() < 100) {
                return new Number(first.number() * 100 + rest.value(), rest.end());
            }
            if (s.is(i + 1, "hundred")) {
                return new Number(first.number() * 100, i + 2);
            }
        }
        return null;
    }

    /** Plain digits with optional thousands commas or a decimal point. */
    static Double digits(String text) {
        String plain = text.indexOf(',') >= 0 ? text.replace(",", "") : text;
        if (plain.isEmpty()) {
            return null;
        }
        int dots = 0;
        for (int k = 0; k < plain.length(); k++) {
            char c = plain.charAt(k);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        return dots > 1 ? null : Double.valueOf(plain);
    }

    /** A plain run of at most {@code maxDigits} digits as an int, else -1. */
    static int smallInt(String digits, int maxDigits) {
        if (digits.isEmpty() || digits.length() > maxDigits) {
            return -1;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (!Character.isDigit(digits.charAt(k))) {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    /** "1/2" → 0.5, else null. */
    static Double fraction(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || text.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        Double num = digits(text.substring(0, slash));
        Double den = digits(text.substring(slash + 1));
        return num == null || den == null || den == 0 ? null : num / den;
    }
}
