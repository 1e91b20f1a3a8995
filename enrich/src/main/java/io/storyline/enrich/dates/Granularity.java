package io.storyline.enrich.dates;

/** How precise a calendar value is, from centuries to minutes; the order runs from coarse to fine. */
enum Granularity {
    CENTURY, DECADE, YEAR, HALF, QUARTER, SEASON, MONTH, WEEK, WEEKEND, DAY, PART_OF_DAY, HOUR, MINUTE;

    boolean finerThan(Granularity other) {
        return compareTo(other) > 0;
    }
}
