package io.storyline.enrich.dates;

import io.storyline.enrich.dates.DurationRules.Quantity;
import io.storyline.enrich.dates.Lexicon.Entry;
import io.storyline.enrich.dates.Lexicon.WordClass;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The date grammar of German, French and Spanish: one set of rules whose words all come from the language's lexicon
 * (months, weekdays, numbers, units, deictic words such as "letzten" / "dernier" / "pasado" and where they stand)
 * and word lists (articles, joiners such as Spanish "de", "vor" / "il y a" / "hace" before a quantity, clock
 * words). A language is its word lists: "am Donnerstag, 25. Februar", "le jeudi 3 mars 1999", "el 21 de noviembre
 * de 2024", "vor zwei Tagen", "il y a deux jours", "hace dos días", "l'année dernière", "20.30 Uhr", "19 h 30".
 *
 * <p>At each token every rule proposes a match and the longest wins, as in English's {@link Grammar}; values are
 * resolved by the same {@link MentionResolver}, {@link Calendar} and {@link Moment} as English's.
 */
final class LocalGrammar implements ExpressionGrammar {

    private static final int MAX_DAY = 31;
    private static final int FIRST_PLAUSIBLE_YEAR = 1900;
    private static final int LAST_PLAUSIBLE_YEAR = 2099;
    private static final double HALF = 0.5;

    private final Set<String> spanArticles;
    private final Set<String> dateJoiners;
    private final Set<String> countNouns;
    private final Set<String> clockWords;
    private final Set<String> rangeWords;
    private final Set<String> vagueQuantities;
    private final Set<String> periodLeads;
    private final Set<String> podLeads;
    private final Set<String> seasonLeads;
    private final Set<String> lowercaseOnly;
    private final Set<String> podMarkers;
    private final Set<String> positionJoiners;
    private final Set<String> clockLeads;
    private final Set<String> yearPreps;
    private final List<List<String>> ageBefore;
    private final Set<String> ageAfter;
    private final Set<String> perWords;
    private final Set<String> sinceWords;
    private final Set<String> consecutiveWords;
    private final Set<String> lastOrdinals;
    private final ComparisonRules comparisons;
    private final List<List<String>> nextAfter;
    private final Set<String> ledClockWords;
    private final Set<String> dayClockJoiners;
    private final Set<String> halfWords;
    private final Set<String> singleWords;
    private final Set<String> degreeWords;
    private final List<List<String>> approximators;
    private final List<List<String>> yearLeads;
    private final List<List<String>> agoBefore;
    private final List<List<String>> aheadBefore;
    private final List<List<String>> everyWords;
    private final List<List<String>> positionWords;
    private final List<List<String>> podJoiners;

    LocalGrammar(Lexicon lexicon) {
        spanArticles = lexicon.words("span-articles");
        dateJoiners = lexicon.words("date-joiners");
        countNouns = lexicon.words("count-nouns");
        clockWords = lexicon.words("clock-words");
        rangeWords = lexicon.words("range-words");
        vagueQuantities = lexicon.words("vague-quantities");
        periodLeads = lexicon.words("period-leads");
        podLeads = lexicon.words("pod-leads");
        seasonLeads = lexicon.words("season-leads");
        lowercaseOnly = lexicon.words("lowercase-only");
        podMarkers = lexicon.words("pod-markers");
        positionJoiners = lexicon.words("position-joiners");
        clockLeads = lexicon.words("clock-leads");
        yearPreps = lexicon.words("year-preps");
        ageBefore = lexicon.optionalPhrases("age-before");
        ageAfter = lexicon.words("age-after");
        perWords = lexicon.words("per-words");
        sinceWords = lexicon.words("since-words");
        consecutiveWords = lexicon.words("consecutive-words");
        lastOrdinals = lexicon.words("last-ordinals");
        comparisons = new ComparisonRules(lexicon);
        nextAfter = lexicon.optionalPhrases("next-after");
        ledClockWords = lexicon.words("led-clock-words");
        dayClockJoiners = lexicon.words("day-clock-joiners");
        halfWords = lexicon.words("half-words");
        singleWords = lexicon.words("single-words");
        degreeWords = lexicon.words("degree-words");
        approximators = lexicon.optionalPhrases("approximators");
        yearLeads = lexicon.optionalPhrases("year-leads");
        agoBefore = lexicon.optionalPhrases("ago-before");
        aheadBefore = lexicon.optionalPhrases("ahead-before");
        everyWords = lexicon.optionalPhrases("every-words");
        positionWords = lexicon.optionalPhrases("position-words");
        podJoiners = lexicon.optionalPhrases("pod-joiners");
    }

    @Override
    public Match longestAt(Scan s, int i) {
        Match best = withArticle(s, i);
        best = longer(best, positioned(s, i));
        best = longer(best, duration(s, i));
        best = longer(best, set(s, i));
        best = longer(best, offset(s, i));
        return longer(best, comparisons.at(s, i));
    }

    /** An article before a point ("el 21 de noviembre", "der ersten Woche") is part of the expression. */
    private Match withArticle(Scan s, int i) {
        Match core = pointAt(s, i);
        if (spanArticles.contains(s.word(i))) {
            Match after = pointAt(s, s.is(i + 1, "'") ? i + 2 : i + 1);
            if (after != null && (core == null || after.end() > core.end())) {
                return after.from(i);
            }
        }
        return core;
    }

    /** Expressions that resolve to a calendar point at i. */
    private Match pointAt(Scan s, int i) {
        Match best = dayMonth(s, i);
        best = longer(best, numericDate(s, i));
        best = longer(best, month(s, i));
        best = longer(best, year(s, i));
        best = longer(best, decade(s, i));
        best = longer(best, weekday(s, i));
        best = longer(best, deictic(s, i));
        best = longer(best, quarter(s, i));
        best = longer(best, consecutive(s, i));
        best = longer(best, season(s, i));
        best = longer(best, clock(s, i));
        best = longer(best, partOfDay(s, i));
        return longer(best, phrase(s, i));
    }

    // ---- days ---------------------------------------------------------------------------------------------

    /** [weekday [,]] [article] day [.] [de] month [[,|de|del] year]: "Donnerstag, 25. Februar", "21 de noviembre". */
    private Match dayMonth(Scan s, int i) {
        int k = i;
        if (s.weekday(k) > 0) {
            k++;
            if (s.is(k, ",")) {
                k++;
            }
            if (spanArticles.contains(s.word(k))) {
                k++;
            }
        }
        int day = dayNumber(s, k);
        if (day < 0) {
            return null;
        }
        int m = k + 1;
        if (s.is(m, ".") && s.joined(m)) {
            m++;
        }
        if (dateJoiners.contains(s.word(m))) {
            m++;
        }
        int month = s.month(m);
        if (month == 0) {
            return null;
        }
        int end = m + 1;
        int yearAt = s.is(end, ",") || dateJoiners.contains(s.word(end)) ? end + 1 : end;
        int year = yearNumber(s, yearAt);
        if (year > 0) {
            LocalDate date = Calendar.safeDate(year, month, day);
            return date == null ? null : new Match(i, yearAt + 1, Resolution.moment(c -> Moment.day(date)), true);
        }
        if (Calendar.safeDate(2000, month, day) == null) {
            return null;
        }
        Entry post = s.entry(end, WordClass.DEICTIC);
        if (post != null && !post.flagged("pre") && post.number() != 0) {
            int direction = post.number(); // "le 6 mai dernier"
            return new Match(i, end + 1, Resolution.moment(c -> Calendar.monthDay(c, month, day, direction)));
        }
        return new Match(i, end, Resolution.moment(c -> Calendar.monthDay(c, month, day, 0)));
    }

    /** 1-31 in digits ("21", "1er", "1º") or an ordinal word. */
    private static int dayNumber(Scan s, int i) {
        Token t = s.token(i);
        if (t.isNumber()) {
            String digits = leadingDigits(t.text());
            String suffix = t.text().substring(digits.length());
            if (digits.isEmpty() || digits.length() > 2 || !(suffix.isEmpty() || suffix.equals("er")
                    || suffix.equals("re") || suffix.equals("º") || suffix.equals("ª"))) {
                return -1;
            }
            int value = Integer.parseInt(digits);
            return value >= 1 && value <= MAX_DAY ? value : -1;
        }
        Entry ordinal = s.entry(i, WordClass.ORDINAL);
        return ordinal != null && ordinal.number() <= MAX_DAY ? ordinal.number() : -1;
    }

    private static String leadingDigits(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** A four-digit year 1000-2099 at i, else -1. */
    private static int yearNumber(Scan s, int i) {
        Token t = s.token(i);
        int v = t.intValue();
        return t.isNumber() && t.text().length() == 4 && v >= 1000 && v <= LAST_PLAUSIBLE_YEAR ? v : -1;
    }

    /** 25.02.2010, 25/02/2010, 25.02.10, 2010-02-25: day first, as these languages write it. */
    private static Match numericDate(Scan s, int i) {
        Token t = s.token(i);
        if (!t.isNumber()) {
            return null;
        }
        if (t.text().length() == 4 && s.hyphen(i + 1) && s.hyphen(i + 3) && s.inRange(i + 4)) {
            LocalDate date = Calendar.safeDate(t.intValue(), s.token(i + 2).intValue(), s.token(i + 4).intValue());
            return date == null || t.intValue() < 1000 ? null
                    : new Match(i, i + 5, Resolution.moment(c -> Moment.day(date)), true);
        }
        String[] parts = t.text().split("[/.]");
        if (parts.length != 3 || t.text().indexOf(',') >= 0 || parts[0].length() > 2 || parts[1].length() > 2) {
            return null;
        }
        int d = NumberReader.smallInt(parts[0], 2);
        int m = NumberReader.smallInt(parts[1], 2);
        int y = NumberReader.smallInt(parts[2], 4);
        if (d < 0 || m < 0 || y < 0 || (parts[2].length() != 2 && parts[2].length() != 4)) {
            return null;
        }
        if (parts[2].length() == 2) {
            y += y < 50 ? 2000 : 1900;
        }
        LocalDate date = Calendar.safeDate(y, m, d);
        return date == null ? null : new Match(i, i + 1, Resolution.moment(c -> Moment.day(date)), true);
    }

    // ---- months, years, decades ---------------------------------------------------------------------------

    /** month [de|,] year, or a month alone (resolved by tense). */
    private Match month(Scan s, int i) {
        int month = s.month(i);
        if (month == 0) {
            return null;
        }
        int k = i + 1;
        int yearAt = s.is(k, ",") || dateJoiners.contains(s.word(k)) ? k + 1 : k;
        int year = yearNumber(s, yearAt);
        if (year > 0) {
            return new Match(i, yearAt + 1, Resolution.moment(c -> Moment.month(year, month)), true);
        }
        Match ofYear = deicticYear(s, yearAt);
        if (ofYear != null) {
            return new Match(i, ofYear.end(), inYearOf(ofYear, named -> Moment.month(named, month)));
        }
        Entry deictic = s.entry(k, WordClass.DEICTIC);
        if (deictic != null && !deictic.flagged("pre")) {
            int direction = deictic.number();
            return new Match(i, k + 1, Resolution.moment(c -> direction == 0
                    ? Moment.month(c.anchor().getYear(), month) : Calendar.month(c, month, direction)));
        }
        if (s.token(i + 1).isWord() && s.token(i + 1).capitalised() && s.token(i).capitalised()
                && s.month(i + 1) == 0) {
            return null; // a name: "Mai Thi", "April Ryan"
        }
        return new Match(i, k, Resolution.moment(c -> Calendar.month(c, month, 0)));
    }

    /** "dieses Jahres", "del año pasado", "de l'année dernière": a deictic year after a month or quarter. */
    private Match deicticYear(Scan s, int k) {
        int at = spanArticles.contains(s.word(k)) ? k + 1 : k;
        if (s.is(at, "'")) {
            at++;
        }
        Match year = deictic(s, at);
        return year != null && (s.unit(at) == Unit.YEAR || s.unit(at + 1) == Unit.YEAR) ? year : null;
    }

    /** A point of the year a deictic year names: "septiembre del año pasado", "el primer trimestre de este año". */
    private static Resolution inYearOf(Match ofYear, java.util.function.IntFunction<Moment> point) {
        Resolution yearOf = ofYear.resolution();
        return c -> {
            Resolved r = yearOf.resolve(c);
            return r == null || r.moment() == null ? null : Resolved.of(point.apply(r.moment().year()));
        };
    }

    /** [year lead] 2009: a four-digit year that is not a count ("2000 Euro") or a code. */
    private Match year(Scan s, int i) {
        int k = i;
        boolean led = false;
        for (List<String> lead : yearLeads) {
            int end = CalendarRules.matchWords(s, i, lead);
            if (end > 0 && yearNumber(s, end) > 0) {
                k = end;
                led = true;
                break;
            }
        }
        int year = yearNumber(s, k);
        if (year < 0 || !led && !plausibleYear(s, k, year)) {
            return null;
        }
        return new Match(i, k + 1, Resolution.moment(c -> Moment.year(year)), true);
    }

    /** A bare four-digit number is a year from 1900 on, or earlier after a preposition of time ("seit 1848"). */
    private boolean plausibleYear(Scan s, int i, int year) {
        String before = s.word(i - 1);
        if (year < FIRST_PLAUSIBLE_YEAR && !yearPreps.contains(before) || before.equals("$") || before.equals("€")
                || before.equals("#") || s.joined(i) && (before.equals(".") || before.equals(","))) {
            return false;
        }
        String after = s.word(i + 1);
        // a colon after a number is a score or a label ("2009: 14 %"), but after a preposition of time it ends the
        // clause: "desde 1987: el índice..."
        return !countNouns.contains(after) && !after.equals("%") && (!after.equals(":") || yearPreps.contains(before));
    }

    /** "die 90er Jahre", "1990er", "les années 90", "los años noventa" (decade words are NUMBER entries). */
    private Match decade(Scan s, int i) {
        Token t = s.token(i);
        if (t.isNumber() && t.lower().endsWith("er")) {
            int decade = decadeStart(t.lower().substring(0, t.lower().length() - 2));
            if (decade < 0) {
                return null;
            }
            int end = i + 1;
            if (s.hyphen(end) && s.unit(end + 1) == Unit.YEAR) {
                end += 2;
            } else if (s.unit(end) == Unit.YEAR && s.pluralUnit(end)) {
                end++;
            }
            return decadeMatch(i, end, decade);
        }
        if (s.unit(i) == Unit.YEAR && s.pluralUnit(i)) {
            int decade = s.token(i + 1).isNumber() ? decadeStart(s.word(i + 1)) : -1;
            return decade < 0 ? null : decadeMatch(i, i + 2, decade);
        }
        return null;
    }

    private static int decadeStart(String digits) {
        int value = NumberReader.smallInt(digits, 4);
        if (value < 0 || value % 10 != 0) {
            return -1;
        }
        if (digits.length() == 2) {
            return 1900 + value;
        }
        return digits.length() == 4 && value >= 1000 ? value : -1;
    }

    private static Match decadeMatch(int i, int end, int decade) {
        LocalDate start = LocalDate.of(decade, 1, 1);
        return new Match(i, end, Resolution.moment(c -> Moment.of(Granularity.DECADE, start)), true);
    }

    // ---- weekdays and deictic expressions -----------------------------------------------------------------

    /**
     * [deictic] weekday [deictic] [part of day]: "Donnerstag", "letzten Freitag", "jeudi dernier", "el próximo
     * lunes", "mardi soir", "el jueves por la noche", and German compounds such as "Dienstagabend".
     */
    private Match weekday(Scan s, int i) {
        int k = i;
        int direction = 0;
        Entry pre = s.entry(k, WordClass.DEICTIC);
        if (pre != null && !pre.flagged("post") && weekdayAt(s, k + 1) > 0) {
            direction = pre.number();
            k++;
        }
        int weekday = weekdayAt(s, k);
        if (weekday == 0) {
            return null;
        }
        String compoundPart = compoundPartOfDay(s, k);
        int end = k + 1;
        Entry post = s.entry(end, WordClass.DEICTIC);
        if (direction == 0 && post != null && !post.flagged("pre")) {
            direction = post.number();
            end++;
        }
        String pod = compoundPart;
        if (pod == null) {
            int podAt = afterPodJoiner(s, end);
            pod = s.partOfDay(podAt);
            if (pod != null) {
                end = podAt + 1;
            } else if (hyphenatedPartOfDay(s, end) != null) {
                pod = hyphenatedPartOfDay(s, end); // "mardi après-midi"
                end += 3;
            }
        }
        int dir = direction;
        String part = pod;
        return new Match(i, end, Resolution.moment(c -> {
            Moment day = Calendar.weekday(c, weekday, dir);
            return part == null ? day : day.withPartOfDay(part);
        }));
    }

    /** The weekday a token names, alone or as the head of a compound with a part of day ("Montagvormittag"). */
    private static int weekdayAt(Scan s, int i) {
        int weekday = s.weekday(i);
        if (weekday > 0) {
            return weekday;
        }
        return compoundPartOfDay(s, i) != null ? s.lexicon.lookup(compoundHead(s, i), WordClass.WEEKDAY).number() : 0;
    }

    private static String compoundPartOfDay(Scan s, int i) {
        String head = compoundHead(s, i);
        if (head == null) {
            return null;
        }
        Entry pod = s.lexicon.lookup(s.word(i).substring(head.length()), WordClass.PART_OF_DAY);
        return pod == null ? null : pod.value();
    }

    /** The weekday a compound word starts with, when the rest is a part of day; else null. */
    private static String compoundHead(Scan s, int i) {
        String word = s.word(i);
        if (!s.token(i).isWord() || word.length() < 8) {
            return null;
        }
        for (int cut = 5; cut <= word.length() - 3; cut++) {
            Entry weekday = s.lexicon.lookup(word.substring(0, cut), WordClass.WEEKDAY);
            if (weekday != null && !weekday.flagged("plural")
                    && s.lexicon.lookup(word.substring(cut), WordClass.PART_OF_DAY) != null) {
                return word.substring(0, cut);
            }
        }
        return null;
    }

    private int afterPodJoiner(Scan s, int k) {
        for (List<String> joiner : podJoiners) {
            int end = CalendarRules.matchWords(s, k, joiner);
            if (end > 0 && s.partOfDay(end) != null) {
                return end;
            }
        }
        return k;
    }

    /**
     * deictic unit or unit deictic, and the same with a month or season: "letzte Woche", "dieses Jahres",
     * "l'année dernière", "cette semaine", "el año pasado", "el próximo mes", "mars dernier".
     */
    private Match deictic(Scan s, int i) {
        Entry pre = s.entry(i, WordClass.DEICTIC);
        if (pre != null && !pre.flagged("post")) {
            Match m = deicticTarget(s, i, i + 1, pre.number());
            if (m != null) {
                return m;
            }
        }
        Entry post = s.entry(i + 1, WordClass.DEICTIC);
        if (post != null && !post.flagged("pre") && s.unit(i) != null) {
            return deicticTarget(s, i, i, post.number()) == null ? null
                    : deicticTarget(s, i, i, post.number()).withEnd(i + 2);
        }
        for (List<String> next : nextAfter) {
            int end = CalendarRules.matchWords(s, i + 1, next);
            Match target = end > 0 ? deicticTarget(s, i, i, 1) : null;
            if (target != null) {
                return target.withEnd(end); // "el año que viene", "la semana que viene"
            }
        }
        return null;
    }

    /** The unit at k moved by direction; a match from i to after the unit, or null. */
    private static Match deicticTarget(Scan s, int i, int k, int direction) {
        Unit unit = s.unit(k);
        if (unit == null || s.pluralUnit(k) || unit.clock() || unit == Unit.DAY) {
            return null;
        }
        if (unit == Unit.WEEKEND) {
            return new Match(i, k + 1, Resolution.moment(c -> Calendar.weekend(c, direction)));
        }
        Granularity g = unit == Unit.DECADE ? Granularity.DECADE : unit == Unit.CENTURY ? Granularity.CENTURY
                : unit.pointGranularity;
        return new Match(i, k + 1, Resolution.moment(c -> c.anchorDay().at(g).shift(unit, direction)));
    }

    // ---- quarters, seasons, clock times, parts of day -----------------------------------------------------

    /**
     * ordinal quarter [year]: "im ersten Quartal", "le premier trimestre 2009", "el cuarto trimestre", "el primer
     * trimestre del año pasado". "El último trimestre" is the fourth of a year it names, else the one before the
     * anchor's (the last one reported).
     */
    private Match quarter(Scan s, int i) {
        Entry ordinal = s.entry(i, WordClass.ORDINAL);
        boolean last = ordinal == null && lastOrdinals.contains(s.word(i));
        if (!last && (ordinal == null || ordinal.number() < 1 || ordinal.number() > 4)
                || s.unit(i + 1) != Unit.QUARTER || s.pluralUnit(i + 1)) {
            return null;
        }
        int index = last ? 4 : ordinal.number();
        int yearAt = dateJoiners.contains(s.word(i + 2)) || positionJoiners.contains(s.word(i + 2)) ? i + 3 : i + 2;
        int year = yearNumber(s, yearAt);
        if (year > 0) {
            return new Match(i, yearAt + 1, Resolution.moment(c -> Moment.quarter(year, index)), true);
        }
        Match ofYear = yearAt > i + 2 ? deicticYear(s, yearAt) : null;
        if (ofYear != null) {
            return new Match(i, ofYear.end(), inYearOf(ofYear, named -> Moment.quarter(named, index)));
        }
        if (last) {
            return new Match(i, i + 2, Resolution.moment(c -> c.anchorDay().at(Granularity.QUARTER)
                    .shift(Unit.QUARTER, -1)));
        }
        return new Match(i, i + 2, Resolution.moment(c -> Calendar.quarter(c, index)));
    }

    /**
     * ordinal unit consecutive: "segundo día consecutivo", "la quatrième semaine consécutive". A streak counted up
     * to the day of writing: its last unit is the current one.
     */
    private Match consecutive(Scan s, int i) {
        Entry ordinal = s.entry(i, WordClass.ORDINAL);
        Unit unit = s.unit(i + 1);
        if (ordinal == null || unit == null || unit.clock() || s.pluralUnit(i + 1)
                || !consecutiveWords.contains(s.word(i + 2))) {
            return null;
        }
        Granularity g = unit.pointGranularity;
        return new Match(i, i + 3, Resolution.moment(c -> c.anchorDay().at(g)));
    }

    /** [deictic] season [year] after a preposition or article: "im Sommer", "cet été", "en el verano de 2008". */
    private Match season(Scan s, int i) {
        int k = i;
        int direction = 0;
        Entry pre = s.entry(k, WordClass.DEICTIC);
        if (pre != null && !pre.flagged("post")) {
            direction = pre.number();
            k++;
        }
        String code = s.season(k);
        if (code == null || k == i && !seasonLeads.contains(s.word(i - 1))) {
            return null;
        }
        int end = k + 1;
        Entry post = s.entry(end, WordClass.DEICTIC);
        if (direction == 0 && post != null && !post.flagged("pre")) {
            direction = post.number();
            end++;
        }
        int yearAt = dateJoiners.contains(s.word(end)) || positionJoiners.contains(s.word(end)) ? end + 1 : end;
        int year = yearNumber(s, yearAt);
        if (year > 0) {
            return new Match(i, yearAt + 1, Resolution.moment(c -> Moment.season(year, code)), true);
        }
        int dir = direction;
        return new Match(i, end, Resolution.moment(c -> Calendar.season(c, code, dir)));
    }

    /**
     * Clock times: "20 Uhr", "20.30 Uhr", "um 14.30", "18 h", "19 h 30", "20h30", "las 16:08 UTC", "las 8 de la
     * tarde", "midi"; a weekday or day named right after ("las 12:00 UTC del lunes", "4 h mardi") dates it, else
     * the day mentioned just before or the anchor day.
     */
    private Match clock(Scan s, int i) {
        int start = i;
        int k = i;
        boolean led = false;
        if (clockLeads.contains(s.word(k)) && (s.token(k + 1).isNumber())) {
            k++;
            led = true;
        }
        int minute = -1;
        int end = -1;
        Entry named = s.entry(k, WordClass.PART_OF_DAY);
        if (named != null && k >= 2 && s.hyphen(k - 1) && hyphenatedPartOfDay(s, k - 2) != null) {
            return null; // the "midi" of "après-midi" is no noon
        }
        if (named != null && named.flagged("clock")) {
            minute = Integer.parseInt(named.value());
            end = k + 1;
        } else if (s.token(k).isNumber()) {
            String text = s.token(k).lower();
            int hour;
            int minutes = 0;
            int separator = Math.max(text.indexOf(':'), text.indexOf('.'));
            String compactHour = text.endsWith("h") ? text.substring(0, text.length() - 1) : null;
            if (separator > 0) {
                hour = NumberReader.smallInt(text.substring(0, separator), 2);
                minutes = text.length() - separator - 1 == 2 ? NumberReader.smallInt(text.substring(separator + 1), 2) : -1;
                end = k + 1;
            } else if (compactHour != null) {
                hour = NumberReader.smallInt(compactHour, 2);
                end = k + 1;
                if (s.joined(end) && s.token(end).isNumber() && s.token(end).text().length() == 2) {
                    minutes = s.token(end).intValue();
                    end++;
                }
            } else {
                hour = NumberReader.smallInt(text, 2);
                end = k + 1;
            }
            if (hour < 0 || hour > 24 || minutes < 0 || minutes > 59) {
                return null;
            }
            boolean clockWord = clockWords.contains(s.word(end));
            if (clockWord && separator < 0 && ledClockWords.contains(s.word(end)) && !led
                    && !(rangeWords.contains(s.word(k - 1)) && s.token(k - 2).isNumber())) {
                return null; // "tras 12 horas de vuelo" is a length; the hour of the day is "a las 12 horas"
            }
            if (clockWord) {
                end++;
                if (s.token(end).isNumber() && s.token(end).text().length() == 2 && s.token(end).intValue() < 60
                        && separator < 0 && compactHour == null && !clockWords.contains(s.word(end + 1))) {
                    minutes = s.token(end).intValue(); // "19 h 30"
                    end++;
                }
            } else if (compactHour == null && !(led && separator > 0) && !rangeToClock(s, end)) {
                return null;
            }
            int podAt = afterPodJoiner(s, end);
            Entry pod = s.entry(podAt, WordClass.PART_OF_DAY);
            if (podAt > end && pod != null && pod.flagged("afternoon") && hour < 12) {
                hour += 12; // "las 8 de la tarde"
                end = podAt + 1;
            } else if (podAt > end && pod != null) {
                end = podAt + 1;
            }
            minute = hour * 60 + minutes;
        }
        if (minute < 0) {
            return null;
        }
        boolean utc = s.entry(end, WordClass.ZONE) != null;
        if (utc) {
            end++;
        }
        int dayAt = dateJoiners.contains(s.word(end)) || s.is(end, ",") ? end + 1 : end;
        Match day = longer(weekday(s, dayAt), dayMonth(s, dayAt));
        if (!s.is(end, ",")) {
            // after a comma a listing goes on to its next day ("heute 15-20 Uhr, morgen 10-15 Uhr"): only a
            // weekday or a date there is the time's own
            day = longer(day, phrase(s, dayAt));
        }
        int clock = minute;
        if (day != null) {
            Resolution base = day.resolution();
            Resolution dated = c -> {
                Resolved r = base.resolve(c);
                if (r == null || r.moment() == null) {
                    return null;
                }
                return Resolved.of(r.moment().at(Granularity.DAY).withTime(clock / 60, clock % 60));
            };
            return new Match(start, day.end(), utc ? inUtc(dated) : dated, day.explicitYear());
        }
        // "um 20 Uhr" is "20 Uhr", but Spanish writes the hour with its article: "las 16:08"
        boolean keepLead = !led || spanArticles.contains(s.word(start));
        Resolution time = Resolution.moment(c -> sameSentenceDay(c).withTime(clock / 60, clock % 60));
        return new Match(keepLead ? start : start + 1, end, utc ? inUtc(time) : time);
    }

    /** A time written in UTC ("16:08 UTC") carries the zone in its value, as TIMEX3 writes it: T16:08Z. */
    private static Resolution inUtc(Resolution time) {
        return c -> {
            Resolved r = time.resolve(c);
            return r == null ? null : new Resolved(r.type(), r.value() + "Z", r.moment());
        };
    }

    /**
     * The day a time or part of day without its own day belongs to: the day named before it in its sentence
     * ("gestern ... um 8.30 Uhr"), else the anchor day (listings of events run on without naming it again).
     */
    private static Moment sameSentenceDay(Context c) {
        return c.reference() != null && c.referenceInSentence()
                && !Granularity.DAY.finerThan(c.reference().granularity()) ? c.reference().at(Granularity.DAY)
                : c.anchorDay();
    }

    /** "14.30 bis 17 Uhr", "de 10 à 12 h": the first time of a range takes the clock word of the second. */
    private boolean rangeToClock(Scan s, int k) {
        if (!rangeWords.contains(s.word(k)) || !s.token(k + 1).isNumber()) {
            return false;
        }
        return clockWords.contains(s.word(k + 2)) || s.token(k + 1).lower().endsWith("h");
    }

    /** A part of day after its lead: "am Abend", "in der Nacht", "dans la soirée", "por la noche". */
    private Match partOfDay(Scan s, int i) {
        String lead = s.is(i - 1, "'") ? s.word(i - 2) : s.word(i - 1);
        String hyphenated = hyphenatedPartOfDay(s, i);
        if (hyphenated != null && podLeads.contains(lead)) {
            return new Match(i, i + 3, Resolution.moment(c -> sameSentenceDay(c).withPartOfDay(hyphenated)));
        }
        String pod = s.partOfDay(i);
        if (pod == null || s.entry(i, WordClass.PART_OF_DAY).flagged("clock") || !podLeads.contains(s.word(i - 1))) {
            return null;
        }
        return new Match(i, i + 1, Resolution.moment(c -> sameSentenceDay(c).withPartOfDay(pod)));
    }

    /**
     * A part of day written with a hyphen, which the tokenizer cuts in three: "après-midi" at i is the afternoon
     * (its code), not "après" and the noon "midi"; null when there is none.
     */
    private static String hyphenatedPartOfDay(Scan s, int i) {
        if (!s.hyphen(i + 1)) {
            return null;
        }
        Entry entry = s.lexicon.lookup(s.word(i) + "-" + s.word(i + 2), WordClass.PART_OF_DAY);
        return entry == null || entry.flagged("clock") ? null : entry.value();
    }

    // ---- fixed phrases ------------------------------------------------------------------------------------

    /**
     * The language's phrases.tsv. Values: constants (PRESENT_REF, P1D…); DAY±n [part of day] from the anchor;
     * REF±n, days from the date mentioned before ("le lendemain"); YEAR±n, MONTH±n and WEEK±n from the anchor;
     * THEN constant, the date mentioned before in this sentence or the last, else the constant.
     */
    private Match phrase(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        for (Lexicon.Phrase phrase : s.lexicon.phrasesStartingWith(s.word(i))) {
            int end = CalendarRules.matchWords(s, i, phrase.words());
            if (end < 0) {
                continue;
            }
            if (degreeWords.contains(s.word(i - 1))) {
                continue; // "su modelo más reciente" describes a thing, "la reciente recesión" dates an event
            }
            if (lowercaseOnly.contains(s.word(i)) && s.token(i).capitalised() && s.text.sentenceStart(i) != i) {
                continue; // German "Morgen" is the morning, "morgen" tomorrow
            }
            if (phrase.words().size() == 1 && s.lexicon.lookup(s.word(i), WordClass.PART_OF_DAY) != null
                    && podMarkers.contains(s.word(i - 1))) {
                continue; // Spanish "esta mañana", "por la mañana": the morning, not tomorrow
            }
            if (dateJoiners.contains(s.word(end)) && (weekday(s, end + 1) != null || dayMonth(s, end + 1) != null)) {
                continue; // "la jornada del martes": the day is the weekday's, named after it
            }
            Match day = new Match(i, end, resolution(phrase));
            Match timed = phrase.value().matches("DAY[+-]\\d+") ? atClock(s, day) : null;
            return timed != null ? timed : day;
        }
        return null;
    }

    /** "hoy a las 12:00 UTC", "hier à 10 h": a day and the hour of it joined by a word of day-clock-joiners. */
    private Match atClock(Scan s, Match day) {
        if (!dayClockJoiners.contains(s.word(day.end()))) {
            return null;
        }
        Match clock = clock(s, day.end() + 1);
        if (clock == null) {
            return null;
        }
        Resolution date = day.resolution();
        Resolution time = clock.resolution();
        return new Match(day.start(), clock.end(), c -> {
            Resolved d = date.resolve(c);
            return d == null || d.moment() == null ? null
                    : time.resolve(new Context(d.moment().start(), c.tense(), null, false));
        });
    }

    private static Resolution resolution(Lexicon.Phrase phrase) {
        String value = phrase.value();
        int space = value.indexOf(' ');
        String rule = space < 0 ? value : value.substring(0, space);
        String pod = space < 0 ? null : value.substring(space + 1);
        if (rule.equals("THEN")) {
            // "desde entonces", "para entonces": the date just mentioned, else only a direction (PAST_REF…)
            Resolved vague = new Resolved(phrase.type(), pod, null);
            return c -> c.reference() != null && c.referenceNearby() ? Resolved.of(c.reference()) : vague;
        }
        int sign = rule.indexOf('+') > 0 ? rule.indexOf('+') : rule.indexOf('-');
        if (sign <= 0) {
            return Resolution.constant(phrase.type(), value);
        }
        String unit = rule.substring(0, sign);
        int offset = Integer.parseInt(rule.substring(sign).replace("+", ""));
        return switch (unit) {
            case "DAY" -> Resolution.moment(c -> withPod(Moment.day(c.anchor().plusDays(offset)), pod));
            case "REF" -> Resolution.moment(c -> {
                Moment base = c.reference() != null && !Granularity.DAY.finerThan(c.reference().granularity())
                        ? c.reference().at(Granularity.DAY) : c.anchorDay();
                return withPod(base.shift(Unit.DAY, offset), pod);
            });
            case "WEEK" -> Resolution.moment(c -> c.anchorDay().at(Granularity.WEEK).shift(Unit.WEEK, offset));
            case "MONTH" -> Resolution.moment(c -> c.anchorDay().at(Granularity.MONTH).shift(Unit.MONTH, offset));
            case "YEAR" -> Resolution.moment(c -> c.anchorDay().at(Granularity.YEAR).shift(Unit.YEAR, offset));
            default -> Resolution.constant(phrase.type(), value);
        };
    }

    private static Moment withPod(Moment day, String pod) {
        return pod == null ? day : day.withPartOfDay(pod);
    }

    // ---- positions, durations, offsets, sets --------------------------------------------------------------

    /** "Anfang Juni", "Ende des Jahres", "fin mars", "à la fin de l'année", "a finales de 2008": the point's value. */
    private Match positioned(Scan s, int i) {
        int start = spanArticles.contains(s.word(i)) ? i + 1 : i;
        for (List<String> words : positionWords) {
            int k = CalendarRules.matchWords(s, start, words);
            if (k < 0) {
                continue;
            }
            if (s.hyphen(k)) {
                k++;
            }
            while (positionJoiners.contains(s.word(k))) {
                k++;
            }
            Match core = pointAt(s, k);
            if (core == null && spanArticles.contains(s.word(k))) {
                core = pointAt(s, k + 1);
            }
            if (core == null) {
                core = unitOfReference(s, k);
            }
            if (core != null) {
                return core.from(i);
            }
        }
        return null;
    }

    /** "des Jahres", "du mois", "de la semana" after a position: the anchor's unit. */
    private Match unitOfReference(Scan s, int k) {
        int at = spanArticles.contains(s.word(k)) ? k + 1 : k;
        Unit unit = s.unit(at);
        if (unit == null || s.pluralUnit(at) || unit.clock()) {
            return null;
        }
        Granularity g = unit.pointGranularity;
        return new Match(k, at + 1, Resolution.moment(c -> c.anchorDay().at(g)));
    }

    /**
     * Lengths of time: "sechs Monaten", "30,4 secondes", "dos días", "einigen Tagen", "den vergangenen Jahren",
     * "100-jähriges", "Jahren"; an age or a count of years before a noun is still a length in TimeML.
     */
    private Match duration(Scan s, int i) {
        int k = i;
        if (spanArticles.contains(s.word(k)) && periodLeads.contains(s.word(k + 1))) {
            k += 2;
        } else if (periodLeads.contains(s.word(k))) {
            k++;
        } else {
            for (List<String> approximator : approximators) {
                int end = CalendarRules.matchWords(s, k, approximator);
                if (end > 0 && quantity(s, end) != null) {
                    k = end;
                    break;
                }
            }
        }
        Quantity q = quantity(s, k);
        if (q != null) {
            return new Match(i, q.end(), Resolution.constant("DURATION", q.timex()));
        }
        Match adjective = durationAdjective(s, k);
        if (adjective != null) {
            return adjective.from(i);
        }
        Unit unit = s.unit(k);
        if (unit != null && s.pluralUnit(k) && unit != Unit.WEEKEND && anyQuantity(s, k - 1) == null) {
            return new Match(i, k + 1, Resolution.constant("DURATION", unit.vagueDuration()));
        }
        return null;
    }

    /**
     * A quantity of a unit: "zwei Jahre", "14-Tage", "un mes", "plusieurs semaines", "30,4 secondes"; not an age
     * ("un homme de 38 ans", "Jobs, de 55 años", "55 Jahre alt").
     */
    Quantity quantity(Scan s, int i) {
        Quantity q = anyQuantity(s, i);
        if (q != null && q.unit() == Unit.YEAR && !q.vague()
                && (endsBefore(s, i, ageBefore) && !endsBefore(s, i, approximators)
                        || ageAfter.contains(s.word(q.end())))) {
            return null; // ...but the "de" of "más de 20 años" is not the "de" of an age
        }
        return q;
    }

    /** Whether one of the phrases ends right before i. */
    private static boolean endsBefore(Scan s, int i, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (CalendarRules.matchWords(s, i - phrase.size(), phrase) == i) {
                return true;
            }
        }
        return false;
    }

    private Quantity anyQuantity(Scan s, int i) {
        double amount;
        int k;
        if (vagueQuantities.contains(s.word(i))) {
            amount = Double.NaN;
            k = i + 1;
        } else {
            Token t = s.token(i);
            if (t.isNumber()) {
                Double value = localNumber(t.text());
                if (value == null || value <= 0 || t.text().length() == 4 && s.unit(i + 1) != null
                        && !s.pluralUnit(i + 1)) {
                    return null;
                }
                amount = value;
            } else if (halfWords.contains(s.word(i))) {
                amount = HALF; // "media hora", "eine halbe Stunde"
            } else {
                Entry word = s.entry(i, WordClass.NUMBER);
                if (word == null) {
                    return null;
                }
                amount = word.number();
            }
            k = i + 1;
            if (singleWords.contains(s.word(k)) && s.unit(k + 1) != null) {
                k++; // "en un mismo día", "un seul jour": still one day
            }
        }
        if (s.hyphen(k)) {
            k++;
        }
        Unit unit = s.unit(k);
        if (unit == null || Double.isNaN(amount) && !s.pluralUnit(k)) {
            return null;
        }
        return new Quantity(amount, unit, k + 1);
    }

    /** Numbers as these languages write them: "30,4" (decimal comma), "1.000" or "1 000" (thousands). */
    private static Double localNumber(String text) {
        String plain = text;
        if (plain.matches("\\d{1,3}(\\.\\d{3})+")) {
            plain = plain.replace(".", "");
        }
        plain = plain.replace(',', '.');
        return NumberReader.digits(plain);
    }

    /** German length adjectives: "100-jähriges", "dreijährige", "14-tägigen". */
    private static Match durationAdjective(Scan s, int i) {
        Token t = s.token(i);
        if (t.isNumber() && s.hyphen(i + 1)) {
            if (s.token(i + 2).capitalised()) {
                return null; // "die 44-Jährige": a person of that age
            }
            Unit unit = stemUnit(s, s.word(i + 2));
            Double amount = localNumber(t.text());
            return unit == null || amount == null ? null
                    : new Match(i, i + 3, Resolution.constant("DURATION", new Quantity(amount, unit, i + 3).timex()));
        }
        if (!t.isWord()) {
            return null;
        }
        String word = s.word(i);
        for (int cut = 2; cut < word.length() - 4; cut++) {
            Entry number = s.lexicon.lookup(word.substring(0, cut), WordClass.NUMBER);
            Unit unit = number == null ? null : stemUnit(s, word.substring(cut));
            if (unit != null) {
                return new Match(i, i + 1, Resolution.constant("DURATION",
                        new Quantity(number.number(), unit, i + 1).timex()));
            }
        }
        return null;
    }

    /** The unit of a length adjective ("jähriges" → YEAR): a stem the lexicon lists, with an inflection ending. */
    private static Unit stemUnit(Scan s, String word) {
        for (String ending : List.of("", "e", "en", "er", "es", "em")) {
            if (word.length() > ending.length() && word.endsWith(ending)) {
                Entry stem = s.lexicon.lookup(word.substring(0, word.length() - ending.length()), WordClass.UNIT);
                if (stem != null && stem.flagged("stem")) {
                    return Unit.valueOf(stem.value());
                }
            }
        }
        return null;
    }

    /**
     * "vor zwei Tagen", "il y a deux jours", "hace dos días"; "in zwei Wochen", "dans trois mois". Not after a
     * word of {@code since-words} with a counted quantity: "desde hace un año" is the length of time up to now, and
     * the quantity after it is read as a duration ("desde hace unas horas" stays today).
     */
    private Match offset(Scan s, int i) {
        boolean since = sinceWords.contains(s.word(i - 1));
        for (int sign : new int[] {-1, 1}) {
            for (List<String> lead : sign < 0 ? agoBefore : aheadBefore) {
                int k = CalendarRules.matchWords(s, i, lead);
                if (k < 0) {
                    continue;
                }
                Quantity q = quantity(s, k);
                if (q == null) {
                    continue;
                }
                if (since && !q.vague()) {
                    return null;
                }
                if (q.vague() && q.unit().clock()) {
                    // "hace unas horas", "vor einigen Stunden": some hours from now is still today
                    return new Match(i, q.end(), Resolution.moment(Context::anchorDay));
                }
                if (q.vague()) {
                    return new Match(i, q.end(), Resolution.constant("DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF"));
                }
                Granularity g = q.unit().clock() ? Granularity.DAY : q.unit().pointGranularity;
                return new Match(i, q.end(), Resolution.moment(c -> RelativeRules.shift(c.anchorDay().at(g), q, sign)));
            }
        }
        return null;
    }

    /** Recurrences: "jährlich", "montags", "jeden Tag", "chaque année", "tous les jeudis", "cada semana". */
    private Match set(Scan s, int i) {
        Entry adverb = s.entry(i, WordClass.SET_ADVERB);
        if (adverb != null) {
            return new Match(i, i + 1, Resolution.constant("SET", adverb.value()));
        }
        if (perWords.contains(s.word(i)) && s.unit(i + 1) != null && !s.pluralUnit(i + 1)
                && !(s.entry(i + 1, WordClass.ORDINAL) != null && s.unit(i + 2) != null)
                && !comparisons.previousAfter(s, i + 1)) {
            // "0,4 % par an", "pro Jahr", "al año": a rate; TimeML tags the unit as the recurrence. Not "por segundo
            // día" (an ordinal there, not the second) nor "respecto al año anterior" (the year compared with)
            return new Match(i + 1, i + 2, Resolution.constant("SET", s.unit(i + 1).duration(1)));
        }
        Entry weekday = s.entry(i, WordClass.WEEKDAY);
        if (weekday != null && weekday.flagged("plural")) {
            return new Match(i, i + 1, Resolution.constant("SET", "XXXX-WXX-" + weekday.value()));
        }
        for (List<String> every : everyWords) {
            int k = CalendarRules.matchWords(s, i, every);
            if (k < 0) {
                continue;
            }
            Unit unit = s.unit(k);
            if (unit != null && !unit.clock() || unit == Unit.HOUR) {
                return new Match(i, k + 1, Resolution.constant("SET", unit.duration(1)));
            }
            Entry day = s.entry(k, WordClass.WEEKDAY);
            if (day != null) {
                return new Match(i, k + 1, Resolution.constant("SET", "XXXX-WXX-" + day.value()));
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
