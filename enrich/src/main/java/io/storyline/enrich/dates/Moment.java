package io.storyline.enrich.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * A point or period on the calendar as precise as its expression: "1990s" is a decade, "the third quarter" a
 * quarter, "Friday night" a part of a day. It is held as the first day of the period plus its granularity, so
 * calendar arithmetic ("a year earlier", "two months before") is plain date arithmetic followed by re-reading the
 * period at the same granularity.
 *
 * @param partOfDay TIMEX3 part-of-day code (MO, AF, EV, NI) when the granularity is {@code PART_OF_DAY}
 * @param minuteOfDay the clock time for {@code HOUR}/{@code MINUTE} granularity, else -1
 */
record Moment(Granularity granularity, LocalDate start, String partOfDay, int minuteOfDay) {

    static Moment day(LocalDate date) {
        return new Moment(Granularity.DAY, date, null, -1);
    }

    static Moment of(Granularity granularity, LocalDate date) {
        return new Moment(granularity, startOf(granularity, date), null, -1);
    }

    static Moment year(int year) {
        return of(Granularity.YEAR, LocalDate.of(year, 1, 1));
    }

    static Moment month(int year, int month) {
        return of(Granularity.MONTH, LocalDate.of(year, month, 1));
    }

    static Moment quarter(int year, int quarter) {
        return of(Granularity.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1));
    }

    static Moment half(int year, int half) {
        return of(Granularity.HALF, LocalDate.of(year, half * 6 - 5, 1));
    }

    /** Seasons start on the first of March, June, September and December; winter belongs to its December's year. */
    static Moment season(int year, String code) {
        int month = switch (code) {
            case "SP" -> 3;
            case "SU" -> 6;
            case "FA" -> 9;
            default -> 12;
        };
        return new Moment(Granularity.SEASON, LocalDate.of(year, month, 1), null, -1);
    }

    Moment at(Granularity coarser) {
        if (coarser.finerThan(Granularity.PART_OF_DAY) && minuteOfDay < 0) {
            return at(Granularity.DAY); // no clock time known: the day is as precise as it gets
        }
        return new Moment(coarser, startOf(coarser, start), coarser == Granularity.PART_OF_DAY ? partOfDay : null,
                coarser.finerThan(Granularity.PART_OF_DAY) ? minuteOfDay : -1);
    }

    Moment withPartOfDay(String code) {
        return new Moment(Granularity.PART_OF_DAY, start, code, -1);
    }

    Moment withTime(int hour, int minute) {
        return new Moment(minute == 0 ? Granularity.HOUR : Granularity.MINUTE, start, null, hour * 60 + minute);
    }

    /** Moves by {@code amount} units, keeping this granularity ("a year earlier" than a quarter is a quarter). */
    Moment shift(Unit unit, long amount) {
        if (unit.clock()) {
            java.time.LocalDateTime at = start.atStartOfDay().plusMinutes(Math.max(minuteOfDay, 0))
                    .plus(amount * unit.chronoAmount, unit.chrono);
            boolean clocked = granularity.finerThan(Granularity.PART_OF_DAY);
            return new Moment(granularity, at.toLocalDate(), partOfDay, clocked ? at.getHour() * 60 + at.getMinute() : -1);
        }
        LocalDate moved = start.plus(amount * unit.chronoAmount, unit.chrono);
        if (granularity == Granularity.SEASON) {
            return new Moment(granularity, moved, null, -1);
        }
        return new Moment(granularity, startOf(granularity, moved), partOfDay, minuteOfDay);
    }

    int year() {
        return start.getYear();
    }

    String timex() {
        int y = start.getYear();
        return switch (granularity) {
            case CENTURY -> pad(Math.floorDiv(y, 100), 2);
            case DECADE -> pad(Math.floorDiv(y, 10), 3);
            case YEAR -> pad(y, 4);
            case HALF -> pad(y, 4) + "-H" + (start.getMonthValue() <= 6 ? 1 : 2);
            case QUARTER -> pad(y, 4) + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case SEASON -> pad(y, 4) + "-" + seasonCode();
            case MONTH -> pad(y, 4) + "-" + pad(start.getMonthValue(), 2);
            case WEEK -> week();
            case WEEKEND -> week() + "-WE";
            case DAY -> start.toString();
            case PART_OF_DAY -> start + "T" + partOfDay;
            case HOUR, MINUTE -> start + "T" + pad(minuteOfDay / 60, 2) + ":" + pad(minuteOfDay % 60, 2);
        };
    }

    private String week() {
        return pad(start.get(IsoFields.WEEK_BASED_YEAR), 4) + "-W" + pad(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
    }

    private String seasonCode() {
        return switch (start.getMonthValue()) {
            case 3, 4, 5 -> "SP";
            case 6, 7, 8 -> "SU";
            case 9, 10, 11 -> "FA";
            default -> "WI";
        };
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(width + 1);
        if (value < 0) {
            out.append('-');
        }
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    private static LocalDate startOf(Granularity granularity, LocalDate date) {
        return switch (granularity) {
            case CENTURY -> LocalDate.of(Math.floorDiv(date.getYear(), 100) * 100, 1, 1);
            case DECADE -> LocalDate.of(Math.floorDiv(date.getYear(), 10) * 10, 1, 1);
            case YEAR -> date.withDayOfYear(1);
            case HALF -> LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case SEASON -> seasonStart(date);
            case MONTH -> date.withDayOfMonth(1);
            case WEEK, WEEKEND -> date.with(DayOfWeek.MONDAY);
            default -> date;
        };
    }

    private static LocalDate seasonStart(LocalDate date) {
        int month = date.getMonthValue();
        if (month <= 2) {
            return LocalDate.of(date.getYear() - 1, 12, 1);
        }
        return LocalDate.of(date.getYear(), month == 12 ? 12 : (month / 3) * 3, 1);
    }
}
