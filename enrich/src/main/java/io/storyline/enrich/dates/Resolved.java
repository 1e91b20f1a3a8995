package io.storyline.enrich.dates;

/** A resolved expression: TIMEX3 type and value, and the calendar value behind it when it is a date or time. */
record Resolved(String type, String value, Moment moment) {

    static Resolved of(Moment moment) {
        String type = moment.granularity().finerThan(Granularity.DAY) ? "TIME" : "DATE";
        return new Resolved(type, moment.timex(), moment);
    }
}
