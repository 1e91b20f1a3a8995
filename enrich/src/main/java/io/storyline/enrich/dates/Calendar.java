package io.storyline.enrich.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves calendar names that lack a year or a week ("Friday", "August", "Nov. 16", "the third quarter") against
 * the anchor date. Direction: {@code -1} the last one before, {@code +1} the next one after, {@code 0} by tense —
 * a past-tense clause looks back, a future one ahead, and without tense the nearest one wins.
 */
final class Calendar {

    /** How far the nearest reading may lie on the side the tense contradicts before the other one is taken. */
    static final long DAY_TOLERANCE = 90;
    static final long MONTH_TOLERANCE = 92;
    static final long QUARTER_TOLERANCE = 60;

    private Calendar() {
    }

    /** A weekday: the anchor itself when it is that day (unless told last/next), else the previous or next one. */
    static Moment weekday(Context c, int isoDay, int direction) {
        LocalDate anchor = c.anchor();
        DayOfWeek day = DayOfWeek.of(isoDay);
        if (direction == 0 && anchor.getDayOfWeek() == day) {
            return Moment.day(anchor);
        }
        boolean forward = direction > 0 || (direction == 0 && c.tense() == Tense.FUTURE);
        LocalDate date = forward ? anchor.with(TemporalAdjusters.next(day)) : anchor.with(TemporalAdjusters.previous(day));
        return Moment.day(date);
    }

    /** "this Friday": the Friday of the anchor's week. */
    static Moment weekdayThisWeek(Context c, int isoDay) {
        return Moment.day(c.anchor().with(DayOfWeek.MONDAY).plusDays(isoDay - 1L));
    }

    /** A month and day without a year. */
    static Moment monthDay(Context c, int month, int day, int direction) {
        LocalDate anchor = c.anchor();
        List<LocalDate> candidates = new ArrayList<>(3);
        for (int year = anchor.getYear() - 1; year <= anchor.getYear() + 1; year++) {
            LocalDate candidate = safeDate(year, month, day);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        LocalDate best = choose(candidates, anchor, c.tense(), direction, DAY_TOLERANCE);
        return best == null ? null : Moment.day(best);
    }

    /** A month without a year; the anchor's own month is always this year's unless told last/next. */
    static Moment month(Context c, int month, int direction) {
        LocalDate anchorMonth = c.anchor().withDayOfMonth(1);
        if (direction == 0 && c.anchor().getMonthValue() == month) {
            return Moment.month(c.anchor().getYear(), month);
        }
        List<LocalDate> candidates = new ArrayList<>(3);
        for (int year = anchorMonth.getYear() - 1; year <= anchorMonth.getYear() + 1; year++) {
            LocalDate candidate = LocalDate.of(year, month, 1);
            if (direction == 0 || !candidate.equals(anchorMonth)) {
                candidates.add(candidate);
            }
        }
        LocalDate best = choose(candidates, anchorMonth, c.tense(), direction, MONTH_TOLERANCE);
        return Moment.month(best.getYear(), best.getMonthValue());
    }

    /** A season without a year: "this summer" is the anchor year's, "last fall" the most recent one before now. */
    static Moment season(Context c, String code, int direction) {
        Moment current = Moment.day(c.anchor()).at(Granularity.SEASON);
        Moment candidate = Moment.season(c.anchor().getYear(), code);
        if (direction == 0) {
            return candidate;
        }
        if (code.equals("WI") && c.anchor().getMonthValue() <= 2) {
            candidate = Moment.season(c.anchor().getYear() - 1, code);
        }
        if (direction < 0) {
            while (!candidate.start().isBefore(current.start())) {
                candidate = candidate.shift(Unit.YEAR, -1);
            }
        } else {
            while (!candidate.start().isAfter(current.start())) {
                candidate = candidate.shift(Unit.YEAR, 1);
            }
        }
        return candidate;
    }

    /** A quarter without a year, the nearest one by tense. */
    static Moment quarter(Context c, int quarter) {
        LocalDate anchorQuarter = Moment.day(c.anchor()).at(Granularity.QUARTER).start();
        List<LocalDate> candidates = new ArrayList<>(3);
        for (int year = anchorQuarter.getYear() - 1; year <= anchorQuarter.getYear() + 1; year++) {
            candidates.add(Moment.quarter(year, quarter).start());
        }
        return Moment.of(Granularity.QUARTER, choose(candidates, anchorQuarter, c.tense(), 0, QUARTER_TOLERANCE));
    }

    /** The last quarter that ended before the anchor ("the latest quarter" in an earnings report). */
    static Moment lastCompletedQuarter(Context c) {
        return Moment.day(c.anchor()).at(Granularity.QUARTER).shift(Unit.QUARTER, -1);
    }

    /** The weekend before (past), of this week or after (future) the anchor. */
    static Moment weekend(Context c, int direction) {
        LocalDate anchor = c.anchor();
        boolean inWeekend = anchor.getDayOfWeek().getValue() >= 6;
        int dir = direction(c, direction);
        if (inWeekend && direction == 0) {
            return Moment.of(Granularity.WEEKEND, anchor);
        }
        if (dir > 0) {
            return Moment.of(Granularity.WEEKEND, inWeekend ? anchor.plusWeeks(1) : anchor);
        }
        return Moment.of(Granularity.WEEKEND, inWeekend ? anchor : anchor.minusWeeks(1));
    }

    /** A holiday in a year by its rule from holidays.tsv. */
    static LocalDate holiday(String rule, int year) {
        String[] parts = rule.split(" ");
        switch (parts[0]) {
            case "NTH": {
                int month = Integer.parseInt(parts[1]);
                DayOfWeek day = DayOfWeek.of(Integer.parseInt(parts[2]));
                int n = Integer.parseInt(parts[3]);
                LocalDate first = LocalDate.of(year, month, 1);
                LocalDate date = n < 0 ? first.with(TemporalAdjusters.lastInMonth(day))
                        : first.with(TemporalAdjusters.dayOfWeekInMonth(n, day));
                return parts.length > 4 ? date.plusDays(Integer.parseInt(parts[4])) : date;
            }
            case "EASTER":
                return easter(year).plusDays(Integer.parseInt(parts[1]));
            default:
                return LocalDate.of(year, Integer.parseInt(parts[0].substring(0, 2)), Integer.parseInt(parts[0].substring(3)));
        }
    }

    /** A holiday without a year, the nearest occurrence by tense. */
    static Moment holiday(Context c, String rule, int direction) {
        LocalDate anchor = c.anchor();
        List<LocalDate> candidates = new ArrayList<>(3);
        for (int year = anchor.getYear() - 1; year <= anchor.getYear() + 1; year++) {
            LocalDate candidate = holiday(rule, year);
            if (direction == 0 || !candidate.equals(anchor)) {
                candidates.add(candidate);
            }
        }
        return Moment.day(choose(candidates, anchor, c.tense(), direction, DAY_TOLERANCE));
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    static LocalDate safeDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int direction(Context c, int explicit) {
        if (explicit != 0) {
            return explicit;
        }
        return switch (c.tense()) {
            case PAST -> -1;
            case FUTURE -> 1;
            default -> 0;
        };
    }

    /**
     * The candidate for a name without a year. Told last/next, the nearest one on that side. Otherwise the nearest
     * one, unless the tense puts it on the other side and it lies further than the tolerance from the anchor: a
     * past-tense "August" written in March is last August, but "payable Dec. 15" in late October stays ahead.
     */
    static LocalDate choose(List<LocalDate> candidates, LocalDate anchor, Tense tense, int direction, long tolerance) {
        if (candidates.isEmpty()) {
            return null;
        }
        LocalDate nearest = null;
        for (LocalDate candidate : candidates) {
            if (nearest == null || better(candidate, nearest, anchor, direction)) {
                nearest = candidate;
            }
        }
        if (direction != 0) {
            return nearest;
        }
        long distance = ChronoUnit.DAYS.between(anchor, nearest);
        int side = tense == Tense.PAST && distance > tolerance ? -1 : tense == Tense.FUTURE && -distance > tolerance ? 1 : 0;
        if (side == 0) {
            return nearest;
        }
        LocalDate best = nearest;
        for (LocalDate candidate : candidates) {
            if (better(candidate, best, anchor, side)) {
                best = candidate;
            }
        }
        return best;
    }

    /** Whether candidate beats best: on the right side of the anchor first, then closer to it. */
    private static boolean better(LocalDate candidate, LocalDate best, LocalDate anchor, int direction) {
        boolean candidateOk = side(candidate, anchor, direction);
        boolean bestOk = side(best, anchor, direction);
        if (candidateOk != bestOk) {
            return candidateOk;
        }
        return Math.abs(ChronoUnit.DAYS.between(anchor, candidate)) < Math.abs(ChronoUnit.DAYS.between(anchor, best));
    }

    private static boolean side(LocalDate date, LocalDate anchor, int direction) {
        if (direction < 0) {
            return !date.isAfter(anchor);
        }
        if (direction > 0) {
            return !date.isBefore(anchor);
        }
        return true;
    }
}
