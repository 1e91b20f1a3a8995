package io.storyline.enrich.dates;

import io.storyline.enrich.dates.NumberReader.Number;
import java.time.LocalDate;
import java.util.Set;

/**
 * Expressions that name calendar units: dates ("Nov. 21, 2024", "21 November", "2024-11-21"), months, years,
 * decades, centuries, seasons, quarters and halves, holidays. Those without a year resolve by tense (see
 * {@link Calendar}).
 */
final class CalendarRules {



    private CalendarRules() {
    }

    // ---- days ---------------------------------------------------------------------------------------------

    /** [weekday [,]] month day [[,] year] | [weekday [,]] [the] day [of] month [[,] year] | numeric dates. */
    static Match day(Scan s, int i) {
        int j = i;
        if (s.weekday(j) > 0) {
            j++;
            if (s.is(j, ",")) {
                j++;
            }
            if (s.month(j) == 0 && !startsDayMonth(s, j)) {
                return null;
            }
        }
        Match match = monthFirst(s, j);
        if (match == null) {
            match = dayFirst(s, j);
        }
        if (match == null && j == i) {
            match = numeric(s, i);
        }
        return match == null ? null : match.from(i);
    }

    private static boolean startsDayMonth(Scan s, int j) {
        int k = s.afterThe(j);
        return dayNumber(s, k) != null;
    }

    private static Match monthFirst(Scan s, int i) {
        int month = s.month(i);
        if (month == 0) {
            return null;
        }
        int k = i + 1;
        if (s.is(k, "the")) {
            k++;
        }
        Number day = dayNumber(s, k);
        if (day == null || s.unit(day.end()) != null) {
            return null;
        }
        int d = (int) day.value();
        int end = day.end();
        int yearAt = s.is(end, ",") ? end + 1 : end;
        Number year = yearNumber(s, yearAt);
        if (year != null && !s.is(year.end(), "%")) {
            int y = (int) year.value();
            LocalDate date = Calendar.safeDate(y, month, d);
            if (date == null) {
                return null;
            }
            return new Match(i, year.end(), Resolution.moment(c -> Moment.day(date)), true);
        }
        if (Calendar.safeDate(2000, month, d) == null) {
            return null;
        }
        return new Match(i, end, Resolution.moment(c -> Calendar.monthDay(c, month, d, 0)));
    }

    private static Match dayFirst(Scan s, int i) {
        int k = s.afterThe(i);
        Number day = dayNumber(s, k);
        if (day == null) {
            return null;
        }
        boolean ordinal = !s.token(k).isNumber() || s.token(k).intValue() < 0;
        int m = day.end();
        if (s.is(m, "of")) {
            m++;
        } else if (k > i && !ordinal) {
            return null;
        }
        int month = s.month(m);
        if (month == 0 || (k > i && !ordinal)) {
            return null;
        }
        int d = (int) day.value();
        int end = m + 1;
        int yearAt = s.is(end, ",") ? end + 1 : end;
        Number year = yearNumber(s, yearAt);
        if (year != null) {
            LocalDate date = Calendar.safeDate((int) year.value(), month, d);
            return date == null ? null : new Match(i, year.end(), Resolution.moment(c -> Moment.day(date)), true);
        }
        if (Calendar.safeDate(2000, month, d) == null) {
            return null;
        }
        return new Match(i, end, Resolution.moment(c -> Calendar.monthDay(c, month, d, 0)));
    }

    /** 2024-11-21, 11/21/2024, 11/21/98, 21.11.2024. */
    private static Match numeric(Scan s, int i) {
        Token t = s.token(i);
        if (!t.isNumber()) {
            return null;
        }
        if (t.text().length() == 4 && s.hyphen(i + 1) && s.hyphen(i + 3) && s.inRange(i + 4)) {
            int y = t.intValue();
            int m = s.token(i + 2).intValue();
            int d = s.token(i + 4).intValue();
            LocalDate date = y >= 1000 ? Calendar.safeDate(y, m, d) : null;
            return date == null ? null : new Match(i, i + 5, Resolution.moment(c -> Moment.day(date)), true);
        }
        String[] parts = t.text().split("[/.]");
        if (parts.length != 3 || t.text().indexOf(',') >= 0) {
            return null;
        }
        boolean slashes = t.text().indexOf('/') >= 0;
        int a = NumberReader.smallInt(parts[0], 4);
        int b = NumberReader.smallInt(parts[1], 4);
        int y = NumberReader.smallInt(parts[2], 4);
        if (a < 0 || b < 0 || y < 0 || (parts[2].length() != 2 && parts[2].length() != 4)) {
            return null;
        }
        if (parts[2].length() == 2) {
            y += y < 50 ? 2000 : 1900;
        }
        LocalDate date = slashes ? Calendar.safeDate(y, a, b) : Calendar.safeDate(y, b, a);
        return date == null ? null : new Match(i, i + 1, Resolution.moment(c -> Moment.day(date)), true);
    }

    /** A day of the month: 1-31 in digits, or an ordinal (21st, twenty-first). */
    static Number dayNumber(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        Token t = s.token(i);
        if (t.isNumber() && t.intValue() >= 1 && t.intValue() <= 31 && t.text().length() <= 2) {
            return new Number(t.intValue(), i + 1);
        }
        Number ordinal = NumberReader.ordinal(s, i);
        return ordinal != null && ordinal.value() >= 1 && ordinal.value() <= 31 ? ordinal : null;
    }

    /** A year after a month or day: four digits, '98, or words. */
    private static Number yearNumber(Scan s, int i) {
        Number year = NumberReader.year(s, i);
        if (year != null) {
            return year;
        }
        return apostropheYear(s, i);
    }

    private static Number apostropheYear(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        String w = s.token(i).text();
        if (w.length() == 3 && (w.charAt(0) == '\'' || w.charAt(0) == '\u2019')
                && Character.isDigit(w.charAt(1)) && Character.isDigit(w.charAt(2))) {
            int v = Integer.parseInt(w.substring(1));
            return new Number(v + (v < 30 ? 2000 : 1900), i + 1);
        }
        return null;
    }

    // ---- months -------------------------------------------------------------------------------------------

    /** month [,|of] year, or a month alone ("May" and "March" only where they cannot be verbs). */
    static Match month(Scan s, int i) {
        int month = s.month(i);
        if (month == 0) {
            return null;
        }
        int k = i + 1;
        if (s.is(k, ",") || s.is(k, "of")) {
            k++;
        }
        Number year = yearNumber(s, k);
        if (year != null && !s.is(year.end(), "%") && !s.is(year.end(), "percent")) {
            int y = (int) year.value();
            return new Match(i, year.end(), Resolution.moment(c -> Moment.month(y, month)), true);
        }
        if (!plausibleMonthAlone(s, i)) {
            return null;
        }
        int end = i + 1;
        if (s.is(end, "this") && s.is(end + 1, "year")) {
            return new Match(i, end + 2, Resolution.moment(c -> Moment.month(c.anchor().getYear(), month)));
        }
        if (s.isAny(end, "last", "next") && s.is(end + 1, "year")) {
            int offset = s.is(end, "last") ? -1 : 1;
            return new Match(i, end + 2, Resolution.moment(c -> Moment.month(c.anchor().getYear() + offset, month)));
        }
        return new Match(i, end, Resolution.moment(c -> Calendar.month(c, month, 0)));
    }

    static boolean plausibleMonthAlone(Scan s, int i) {
        Token t = s.token(i);
        if (!t.capitalised()) {
            return false;
        }
        if (s.inRange(i + 1) && s.token(i + 1).isWord() && s.token(i + 1).capitalised()) {
            return false; // a first name: "Jan Kavan", "April Ryan"
        }
        String w = t.lower();
        if (w.equals("may") || w.equals("march") || w.length() <= 4) {
            return s.inList(i - 1, "month-context");
        }
        return true;
    }

    // ---- years, decades, centuries ------------------------------------------------------------------------

    /** [fiscal] 1998, FY1998, the year 2000, nineteen ninety-six (words only after "in"/"of"/"the year"). */
    static Match year(Scan s, int i) {
        int k = i;
        boolean fiscal = false;
        if (s.is(k, "fiscal") || s.is(k, "fy")) {
            fiscal = true;
            k++;
            if (s.is(k, "year")) {
                k++;
            }
        } else if (s.is(k, "the") && s.is(k + 1, "year")) {
            k += 2;
        }
        if (!s.inRange(k)) {
            return null;
        }
        Number year = NumberReader.year(s, k);
        if (year == null && fiscal) {
            year = apostropheYear(s, k);
        }
        if (year == null) {
            return null;
        }
        boolean digits = s.token(k).isNumber();
        boolean teensAndTens = !digits && s.entry(k + 1, Lexicon.WordClass.NUMBER) != null
                && s.entry(k + 1, Lexicon.WordClass.NUMBER).flagged("tens");
        if (!digits && k == i && !teensAndTens && !s.isAny(i - 1, "in", "of", "since", "until", "by", "from", "year")) {
            return null;
        }
        if (digits && k == i && !plausibleYear(s, i, (int) year.value())) {
            return null;
        }
        int y = (int) year.value();
        return new Match(i, year.end(), Resolution.moment(c -> Moment.year(y)), true);
    }

    private static boolean plausibleYear(Scan s, int i, int year) {
        String before = s.word(i - 1);
        if (before.equals("$") || before.equals("#") || before.equals("no.") || before.equals("number")
                || s.joined(i) && (before.equals(".") || before.equals(","))) {
            return false;
        }
        String after = s.word(i + 1);
        if (s.inList(i + 1, "count-nouns") || after.equals(":")) {
            return false;
        }
        return year >= 1800 || s.inList(i - 1, "year-context");
    }

    /** [the] [early|mid|late] 1990s, the '90s, the nineties, 1960s. */
    static Match decade(Scan s, int i) {
        int k = s.afterThe(i);
        if (s.isAny(k, "early", "mid", "late")) {
            k++;
            if (s.hyphen(k)) {
                k++;
            }
        }
        if (!s.inRange(k)) {
            return null;
        }
        String w = s.word(k);
        int decade = -1;
        if (w.endsWith("s") && s.token(k).isNumber()) {
            // Only whole years name decades: "the high $3.40s" and "the 1,000s" are amounts, not times.
            String digits = w.substring(0, w.length() - 1);
            if (digits.length() == 4 && digits.endsWith("0") && !afterCurrency(s, k)) {
                decade = NumberReader.smallInt(digits, 4);
            } else if (digits.length() == 3 && digits.charAt(0) == '\'' && digits.endsWith("0")) {
                int years = NumberReader.smallInt(digits.substring(1), 2);
                decade = years < 0 ? -1 : 1900 + years;
            }
        } else if (k > i || s.isAny(i - 1, "in", "of", "during", "since", "through")) {
            decade = decadeWord(w);
        }
        if (decade < 0) {
            return null;
        }
        LocalDate start = LocalDate.of(decade, 1, 1);
        return new Match(i, k + 1, Resolution.moment(c -> Moment.of(Granularity.DECADE, start)), true);
    }

    /** Prices are written with their currency before them: "$1990s" is no decade. */
    private static boolean afterCurrency(Scan s, int k) {
        String before = s.word(k - 1);
        return before.length() == 1 && Character.getType(before.charAt(0)) == Character.CURRENCY_SYMBOL;
    }

    private static int decadeWord(String w) {
        return switch (w) {
            case "twenties" -> 1920;
            case "thirties" -> 1930;
            case "forties" -> 1940;
            case "fifties" -> 1950;
            case "sixties" -> 1960;
            case "seventies" -> 1970;
            case "eighties" -> 1980;
            case "nineties" -> 1990;
            default -> -1;
        };
    }

    /** [the] 20th century, the twentieth century. */
    static Match century(Scan s, int i) {
        int k = s.afterThe(i);
        if (s.isAny(k, "early", "mid", "late")) {
            k++;
            if (s.hyphen(k)) {
                k++;
            }
        }
        Number ordinal = NumberReader.ordinal(s, k);
        if (ordinal == null) {
            return null;
        }
        int at = ordinal.end();
        if (s.hyphen(at)) {
            at++;
        }
        if (!s.is(at, "century")) {
            return null;
        }
        int century = (int) ordinal.value();
        LocalDate start = LocalDate.of((century - 1) * 100, 1, 1);
        return new Match(i, at + 1, Resolution.moment(c -> Moment.of(Granularity.CENTURY, start)), true);
    }

    // ---- seasons ------------------------------------------------------------------------------------------

    /** [this|last|next|this past|the] season [of] [year]. Bare "fall" and "spring" need a determiner. */
    static Match season(Scan s, int i) {
        int k = i;
        int direction = 0;
        boolean determiner = false;
        if (s.is(k, "this") && s.isAny(k + 1, "past", "last")) {
            direction = -1;
            k += 2;
            determiner = true;
        } else if (s.is(k, "this") && s.is(k + 1, "coming")) {
            direction = 1;
            k += 2;
            determiner = true;
        } else if (s.isAny(k, "last", "past")) {
            direction = -1;
            k++;
            determiner = true;
        } else if (s.isAny(k, "next", "coming")) {
            direction = 1;
            k++;
            determiner = true;
        } else if (s.isAny(k, "this", "the")) {
            k++;
            determiner = true;
        }
        String code = s.season(k);
        if (code == null) {
            return null;
        }
        int end = k + 1;
        int yearAt = s.is(end, "of") ? end + 1 : end;
        Number year = yearNumber(s, yearAt);
        if (year != null) {
            int y = (int) year.value();
            return new Match(i, year.end(), Resolution.moment(c -> Moment.season(y, code)), true);
        }
        if (s.is(end, "of") || s.is(end, "-") || s.is(end, "'s") && !determiner) {
            return null;
        }
        String w = s.word(k);
        if (!determiner && (w.equals("fall") || w.equals("spring")
                || !s.inList(i - 1, "season-context"))) {
            return null;
        }
        if (s.is(i, "the") && s.unit(end) != null) {
            return null;
        }
        int dir = direction;
        return new Match(i, end, Resolution.moment(c -> Calendar.season(c, code, dir)));
    }

    // ---- quarters and halves ------------------------------------------------------------------------------

    /**
     * [the|its] [fiscal] first..fourth quarter [of] [year], third-quarter, Q3, YEAR's third quarter,
     * last year's third quarter, the first half [of 1990]; plurals are recurring (SET).
     */
    static Match quarterOrHalf(Scan s, int i) {
        int k = i;
        Resolution.MomentRule yearOf = null;
        boolean explicit = false;
        if (s.is(k, "the")) {
            k++;
        }
        int beforeYear = k;
        if (s.isAny(k, "this", "last", "next") && s.is(k + 1, "year") && s.is(k + 2, "'s")) {
            int offset = s.is(k, "this") ? 0 : s.is(k, "last") ? -1 : 1;
            yearOf = c -> Moment.year(c.anchor().getYear() + offset);
            k += 3;
        } else {
            int at = s.is(k, "fiscal") ? k + 1 : k;
            Number year = NumberReader.year(s, at);
            if (year != null && s.token(at).isNumber()) {
                int y = (int) year.value();
                yearOf = c -> Moment.year(y);
                explicit = true;
                k = s.afterPossessive(year.end());
            }
        }
        if (yearOf == null) {
            k = beforeYear;
        }
        if (s.is(k, "fiscal")) {
            k++;
            if (s.hyphen(k)) {
                k++;
            }
        }
        int ordinal;
        int unitAt;
        if (s.is(k, "q") && s.joined(k + 1) && s.token(k + 1).isNumber()) {
            ordinal = s.token(k + 1).intValue();
            unitAt = -1;
            k += 2;
        } else {
            Number n = NumberReader.ordinal(s, k);
            if (n != null) {
                ordinal = (int) n.value();
                k = n.end();
            } else if (s.is(k, "last") && s.isAny(k + 1, "half")) {
                ordinal = 2;
                k++;
            } else {
                return null;
            }
            if (s.hyphen(k)) {
                k++;
            }
            unitAt = k;
            k++;
        }
        boolean half;
        boolean plural = false;
        if (unitAt < 0) {
            half = false;
        } else if (s.is(unitAt, "quarter") || s.is(unitAt, "quarters")) {
            half = false;
            plural = s.is(unitAt, "quarters");
        } else if (s.is(unitAt, "half") || s.is(unitAt, "halves")) {
            half = true;
            plural = s.is(unitAt, "halves");
        } else {
            return null;
        }
        if (ordinal < 1 || ordinal > (half ? 2 : 4)) {
            return null;
        }
        if (half && i == k - 2 && !s.is(k, "of")) {
            return null;
        }
        int index = ordinal;
        if (plural) {
            String value = "XXXX-" + (half ? "H" : "Q") + index;
            return new Match(i, k, Resolution.constant("SET", value));
        }
        if (yearOf == null) {
            int at = s.is(k, "of") ? k + 1 : k;
            if (s.is(at, "fiscal")) {
                at++;
            }
            Number year = NumberReader.year(s, at);
            if (year != null && s.token(at).isNumber()) {
                int y = (int) year.value();
                yearOf = c -> Moment.year(y);
                explicit = true;
                k = year.end();
            } else if (s.is(k, "of") && s.isAny(k + 1, "this", "last", "next") && s.is(k + 2, "year")) {
                int offset = s.is(k + 1, "this") ? 0 : s.is(k + 1, "last") ? -1 : 1;
                yearOf = c -> Moment.year(c.anchor().getYear() + offset);
                k += 3;
            } else if (s.isAny(k, "this", "last", "next") && s.is(k + 1, "year")) {
                int offset = s.is(k, "this") ? 0 : s.is(k, "last") ? -1 : 1;
                yearOf = c -> Moment.year(c.anchor().getYear() + offset);
                k += 2;
            } else if (s.is(k, "of") && s.is(k + 1, "the") && s.is(k + 2, "year")) {
                yearOf = c -> Moment.year(c.anchor().getYear());
                k += 3;
            } else if (s.is(k, "of") && (s.is(k + 1, "the") || decade(s, k + 1) != null)) {
                return null; // "the last half of the '80s": a position in another expression
            }
        }
        Resolution.MomentRule year = yearOf;
        Resolution.MomentRule rule;
        if (year == null) {
            rule = half ? c -> nearestHalf(c, index) : c -> Calendar.quarter(c, index);
        } else if (half) {
            rule = c -> Moment.half(year.apply(c).year(), index);
        } else {
            rule = c -> Moment.quarter(year.apply(c).year(), index);
        }
        return new Match(i, k, Resolution.moment(rule), explicit);
    }

    private static Moment nearestHalf(Context c, int half) {
        int current = c.anchor().getMonthValue() <= 6 ? 1 : 2;
        int year = c.anchor().getYear();
        if (c.tense() == Tense.PAST && half > current) {
            year--;
        } else if (c.tense() == Tense.FUTURE && half < current) {
            year++;
        }
        return Moment.half(year, half);
    }

    // ---- holidays -----------------------------------------------------------------------------------------

    /** [last|next|this] Christmas [year], Thanksgiving Day. */
    static Match holiday(Scan s, int i) {
        int k = i;
        int direction = 0;
        if (s.is(k, "last")) {
            direction = -1;
            k++;
        } else if (s.is(k, "next")) {
            direction = 1;
            k++;
        } else if (s.is(k, "this")) {
            k++;
        }
        if (!s.inRange(k)) {
            return null;
        }
        for (Lexicon.Holiday holiday : s.lexicon.holidaysStartingWith(s.word(k))) {
            int end = matchWords(s, k, holiday.words());
            if (end < 0 || (!s.token(k).capitalised() && !s.is(k, "the"))) {
                continue;
            }
            Number year = yearNumber(s, s.is(end, ",") ? end + 1 : end);
            String rule = holiday.rule();
            if (year != null && direction == 0) {
                int y = (int) year.value();
                return new Match(i, year.end(), Resolution.moment(c -> Moment.day(Calendar.holiday(rule, y))), true);
            }
            int dir = direction;
            return new Match(i, end, Resolution.moment(c -> Calendar.holiday(c, rule, dir)));
        }
        return null;
    }

    /** End index when the words match at i, else -1. */
    static int matchWords(Scan s, int i, java.util.List<String> words) {
        for (int w = 0; w < words.size(); w++) {
            if (!s.is(i + w, words.get(w))) {
                return -1;
            }
        }
        return i + words.size();
    }
}
