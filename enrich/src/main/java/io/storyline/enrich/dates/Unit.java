package io.storyline.enrich.dates;

import java.time.temporal.ChronoUnit;

/**
 * A unit of time as expressions name it ("days", "quarter", "decade"), with the TIMEX3 duration notation and the
 * calendar granularity a point "N units ago" has (TimeBank writes "four years ago" as a year, not a day).
 */
enum Unit {
    SECOND(ChronoUnit.SECONDS, 1, "S", 1, Granularity.MINUTE),
    MINUTE(ChronoUnit.MINUTES, 1, "M", 1, Granularity.MINUTE),
    HOUR(ChronoUnit.HOURS, 1, "H", 1, Granularity.HOUR),
    DAY(ChronoUnit.DAYS, 1, "D", 1, Granularity.DAY),
    WEEKEND(ChronoUnit.WEEKS, 1, "WE", 1, Granularity.WEEKEND),
    WEEK(ChronoUnit.WEEKS, 1, "W", 1, Granularity.WEEK),
    MONTH(ChronoUnit.MONTHS, 1, "M", 1, Granularity.MONTH),
    QUARTER(ChronoUnit.MONTHS, 3, "Q", 1, Granularity.QUARTER),
    YEAR(ChronoUnit.YEARS, 1, "Y", 1, Granularity.YEAR),
    DECADE(ChronoUnit.YEARS, 10, "Y", 10, Granularity.YEAR),
    CENTURY(ChronoUnit.YEARS, 100, "Y", 100, Granularity.YEAR),
    MILLENNIUM(ChronoUnit.YEARS, 1000, "Y", 1000, Granularity.YEAR);

    /** Calendar arithmetic: one of this unit is {@code chronoAmount} of {@code chrono}. */
    final ChronoUnit chrono;
    final int chronoAmount;
    final String letter;
    final int letterAmount;
    final Granularity pointGranularity;

    Unit(ChronoUnit chrono, int chronoAmount, String letter, int letterAmount, Granularity pointGranularity) {
        this.chrono = chrono;
        this.chronoAmount = chronoAmount;
        this.letter = letter;
        this.letterAmount = letterAmount;
        this.pointGranularity = pointGranularity;
    }

    boolean clock() {
        return this == SECOND || this == MINUTE || this == HOUR;
    }

    /** TIMEX3 duration for {@code amount} of this unit: P3D, PT2H, P20Y (two decades), P2Q. */
    String duration(long amount) {
        return (clock() ? "PT" : "P") + amount * letterAmount + letter;
    }

    /** TIMEX3 duration with an unknown amount: PXY, PTXH. */
    String vagueDuration() {
        return (clock() ? "PTX" : "PX") + letter;
    }

    /** The next smaller unit and how many of it make one of this, for fractions such as 2 1/2 years; null if none. */
    Unit smaller() {
        switch (this) {
            case MILLENNIUM: case CENTURY: case DECADE: return YEAR;
            case YEAR: return MONTH;
            case QUARTER: return MONTH;
            case MONTH: return DAY;
            case WEEK: case WEEKEND: return DAY;
            case DAY: return HOUR;
            case HOUR: return MINUTE;
            case MINUTE: return SECOND;
            default: return null;
        }
    }

    /** How many {@link #smaller()} units one of this holds. */
    int smallerPerUnit() {
        switch (this) {
            case MILLENNIUM: return 1000;
            case CENTURY: return 100;
            case DECADE: return 10;
            case YEAR: return 12;
            case QUARTER: return 3;
            case MONTH: return 30;
            case WEEK: return 7;
            case WEEKEND: return 2;
            case DAY: return 24;
            default: return 60;
        }
    }
}
