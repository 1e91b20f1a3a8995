package io.storyline.enrich.dates;

import io.storyline.enrich.dates.DurationRules.Quantity;

/**
 * Expressions whose value depends on another time: the anchor ("last week", "Friday", "four years ago"), the date
 * mentioned just before ("a year earlier", "that day", "the following month") or a date named in the expression
 * itself ("two months before January 20").
 */
final class RelativeRules {

    private final Grammar grammar;

    RelativeRules(Grammar grammar) {
        this.grammar = grammar;
    }

    // ---- N units ago / earlier / later / before <date> ----------------------------------------------------

    Match offset(Scan s, int i) {
        Quantity q = DurationRules.quantity(s, i);
        if (q == null) {
            return null;
        }
        int k = q.end();
        String w = s.word(k);
        switch (w) {
            case "ago":
                if (q.vague()) {
                    return new Match(i, k + 1, Resolution.constant("DATE", "PAST_REF"));
                }
                return new Match(i, k + 1, Resolution.moment(c -> ago(c, q)));
            case "from":
                if (s.is(k + 1, "now")) {
                    return q.vague() ? new Match(i, k + 2, Resolution.constant("DATE", "FUTURE_REF"))
                            : new Match(i, k + 2, Resolution.moment(c -> shift(c.anchorDay().at(pointGranularity(q.unit())), q, 1)));
                }
                return anchored(s, i, q, k + 1, 1);
            case "hence":
                return q.vague() ? null : new Match(i, k + 1, Resolution.moment(c -> shift(c.anchorDay().at(pointGranularity(q.unit())), q, 1)));
            case "before":
            case "after":
            case "prior": {
                // "two months before January 20" is a date; "three days later" and "two months before the
                // election" are durations (TimeBank leaves the signal word out), which the duration rule finds
                int dateAt = w.equals("prior") && s.is(k + 1, "to") ? k + 2 : k + 1;
                return anchored(s, i, q, dateAt, w.equals("after") ? 1 : -1);
            }
            case "earlier":
                return relative(i, k + 1, q, -1);
            default:
                return null;
        }
    }

    private Match anchored(Scan s, int i, Quantity q, int dateAt, int sign) {
        if (q.vague()) {
            return null;
        }
        Match date = grammar.pointAt(s, dateAt);
        if (date == null) {
            return null;
        }
        Resolution base = date.resolution();
        return new Match(i, date.end(), context -> {
            Resolved resolved = base.resolve(context);
            if (resolved == null || resolved.moment() == null) {
                return null;
            }
            return Resolved.of(shift(resolved.moment(), q, sign));
        }, date.explicitYear());
    }

    private static Match relative(int i, int end, Quantity q, int sign) {
        if (q.vague()) {
            return new Match(i, end, Resolution.constant("DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF"));
        }
        return Match.anaphoric(i, end, Resolution.moment(c -> {
            if (c.reportedQuarter() != null && q.unit() == Unit.YEAR && q.amount() == 1) {
                return shift(c.reportedQuarter(), q, -1);
            }
            if (c.reference() != null && c.referenceNearby()
                    && !c.reference().granularity().finerThan(Granularity.DAY)) {
                return shift(c.reference(), q, sign);
            }
            return shift(c.anchorDay().at(pointGranularity(q.unit())), q, sign);
        }));
    }

    /** "a year ago" beside a quarter's figures means that quarter a year before, as in earnings reports. */
    private static Moment ago(Context c, Quantity q) {
        if (c.reportedQuarter() != null && q.unit() == Unit.YEAR && q.amount() == 1) {
            return shift(c.reportedQuarter(), q, -1);
        }
        return shift(c.anchorDay().at(pointGranularity(q.unit())), q, -1);
    }

    private static Granularity pointGranularity(Unit unit) {
        return unit.clock() ? Granularity.DAY : unit.pointGranularity;
    }

    /** Moves a moment by a (possibly fractional) quantity; fractions move by the next smaller unit. */
    static Moment shift(Moment base, Quantity q, int sign) {
        double amount = q.amount();
        if (amount == Math.rint(amount)) {
            return base.shift(q.unit(), sign * (long) amount);
        }
        Unit smaller = q.unit().smaller();
        return base.shift(smaller, sign * Math.round(amount * q.unit().smallerPerUnit()));
    }

    // ---- this / last / next + unit, weekday -----------------------------------------------------------------

    /** this/last/next/the past/the coming/that + year, month, week, weekend, quarter, decade, day, weekday. */
    Match deictic(Scan s, int i) {
        int k = i;
        int direction;
        boolean anaphoric = false;
        if (s.is(k, "this") && s.isAny(k + 1, "past", "last")) {
            direction = -1;
            k += 2;
        } else if (s.is(k, "this") && s.isAny(k + 1, "coming", "next")) {
            direction = 1;
            k += 2;
        } else if (s.isAny(k, "this", "current") || s.is(k, "the") && s.is(k + 1, "current")) {
            direction = 0;
            k += s.is(k, "the") ? 2 : 1;
        } else if (s.is(k, "last") || s.is(k, "past") && !s.is(k - 1, "the")) {
            direction = -1;
            k++;
        } else if (s.isAny(k, "next", "coming") && !s.is(k - 1, "the")) {
            direction = 1;
            k++;
        } else if (s.is(k, "the") && s.isAny(k + 1, "coming", "upcoming")) {
            direction = 1;
            k += 2;
        } else if (s.is(k, "the") && s.isAny(k + 1, "previous", "preceding", "prior")
                || s.isAny(k, "previous", "preceding")) {
            direction = -1;
            anaphoric = true;
            k += s.is(k, "the") ? 2 : 1;
        } else if (s.is(k, "the") && s.isAny(k + 1, "following", "next", "ensuing", "subsequent")) {
            direction = 1;
            anaphoric = true;
            k += 2;
        } else if (s.is(k, "that") && s.is(k + 1, "same") || s.is(k, "the") && s.is(k + 1, "same")) {
            direction = 0;
            anaphoric = true;
            k += 2;
        } else if (s.is(k, "that")) {
            direction = 0;
            anaphoric = true;
            k++;
        } else {
            return null;
        }
        if (s.is(k, "fiscal") && s.isAny(k + 1, "year", "quarter")) {
            k++;
        }
        int weekday = s.weekday(k);
        if (weekday > 0) {
            return weekdayWithPartOfDay(s, i, k, weekday, direction, anaphoric, s.is(i, "this") && direction == 0);
        }
        int month = s.month(k);
        if (month > 0 && !anaphoric && s.token(k).capitalised()) {
            int dir = direction;
            boolean thisYear = s.is(i, "this") && direction == 0;
            return new Match(i, k + 1, Resolution.moment(c -> thisYear ? Moment.month(c.anchor().getYear(), month)
                    : Calendar.month(c, month, dir)));
        }
        String pod = s.partOfDay(k);
        if (pod != null && anaphoric) {
            int dir = direction;
            return new Match(i, k + 1, Resolution.moment(c -> fromReference(c, Granularity.DAY).shift(Unit.DAY, dir)
                    .withPartOfDay(pod)));
        }
        Unit unit = s.unit(k);
        if (unit == null || s.pluralUnit(k) || unit.clock() || title(s, i, k)) {
            return null;
        }
        if (unit == Unit.DAY && !anaphoric) {
            return null;
        }
        int dir = direction;
        if (anaphoric) {
            Granularity g = pointGranularity(unit);
            return new Match(i, k + 1, Resolution.moment(c -> fromReference(c, g).shift(unit, dir)));
        }
        if (unit == Unit.WEEKEND) {
            return new Match(i, k + 1, Resolution.moment(c -> Calendar.weekend(c, dir == 0 ? 0 : dir)));
        }
        Granularity g = unit == Unit.DECADE ? Granularity.DECADE : unit == Unit.CENTURY ? Granularity.CENTURY
                : unit.pointGranularity;
        return new Match(i, k + 1, Resolution.moment(c -> c.anchorDay().at(g).shift(unit, dir)));
    }

    /** "This Week" in mid-sentence capitals is a programme's or paper's name, not a time. */
    private static boolean title(Scan s, int i, int unitAt) {
        return s.token(unitAt).capitalised() && s.text.sentenceStart(i) != i;
    }

    /** The reference moment read at a granularity, or the anchor when there is none or it is coarser. */
    private static Moment fromReference(Context c, Granularity g) {
        Moment reference = c.reference();
        if (reference != null && !g.finerThan(reference.granularity())) {
            return reference.at(g);
        }
        return c.anchorDay().at(g);
    }

    /** A weekday alone or with a part of day ("Friday", "Wednesday night", "Friday's"). */
    Match weekday(Scan s, int i) {
        int weekday = s.weekday(i);
        if (weekday == 0 || !s.token(i).capitalised()) {
            return null;
        }
        return weekdayWithPartOfDay(s, i, i, weekday, 0, false, false);
    }

    private static Match weekdayWithPartOfDay(Scan s, int i, int k, int weekday, int direction, boolean anaphoric,
                                              boolean thisWeek) {
        int end = k + 1;
        String pod = s.partOfDay(end);
        if (pod == null && s.is(end, "'s")) {
            pod = s.partOfDay(end + 1);
            if (pod != null) {
                end++;
            }
        }
        if (pod != null) {
            end++;
        }
        String part = pod;
        Resolution.MomentRule day;
        if (thisWeek) {
            day = c -> Calendar.weekdayThisWeek(c, weekday);
        } else if (anaphoric) {
            day = c -> weekdayFromReference(c, weekday, direction);
        } else {
            day = c -> Calendar.weekday(c, weekday, direction);
        }
        return new Match(i, end, Resolution.moment(c -> {
            Moment m = day.apply(c);
            return part == null ? m : m.withPartOfDay(part);
        }));
    }

    private static Moment weekdayFromReference(Context c, int weekday, int direction) {
        Moment base = fromReference(c, Granularity.DAY);
        Context shifted = new Context(base.start(), c.tense(), null, false);
        return Calendar.weekday(shifted, weekday, direction == 0 ? -1 : direction);
    }

    // ---- anaphora and reporting periods -------------------------------------------------------------------

    /**
     * The period an earnings report is about, which "year-ago", "the 1988 quarter" and "the year-earlier period"
     * compare with: the recent quarter (or half) just mentioned, else the last quarter completed before the anchor
     * when a quarter or period is named, else the anchor's year.
     */
    private static Moment reportingPeriod(Context c, boolean quarter, boolean period) {
        if (c.reportedQuarter() != null && (!quarter || c.reportedQuarter().granularity() == Granularity.QUARTER)) {
            return c.reportedQuarter();
        }
        Moment reference = c.recentReference();
        if (reference != null && (reference.granularity() == Granularity.QUARTER
                || !quarter && reference.granularity() == Granularity.HALF)) {
            return reference;
        }
        if (quarter || period) {
            return Calendar.lastCompletedQuarter(c);
        }
        return reference != null && reference.granularity() == Granularity.YEAR ? reference : c.anchorDay().at(Granularity.YEAR);
    }

    /**
     * "the weekend", "the week", "the [fiscal] year" (a duration when "ended"/"ending" follows: "the year ended
     * June 30"), "year-end", "year's end": the anchor's period.
     */
    private static Match currentPeriod(Scan s, int i, int k) {
        if (s.isAny(k, "year", "yearend") && (s.hyphen(k + 1) && s.is(k + 2, "end") || s.is(k + 1, "'s") && s.is(k + 2, "end")
                || s.is(k + 1, "end") || s.is(k, "yearend"))) {
            int end = s.is(k, "yearend") ? k + 1 : k + 3 - (s.is(k + 1, "end") ? 1 : 0);
            return new Match(i, end, Resolution.moment(c -> c.anchorDay().at(Granularity.YEAR)));
        }
        if (k == i) {
            return null;
        }
        if (s.is(k, "weekend")) {
            return new Match(i, k + 1, Resolution.moment(c -> Calendar.weekend(c, 0)));
        }
        if (s.is(k, "week") && !s.isAny(k + 1, "of", "before", "after", "-")) {
            return new Match(i, k + 1, Resolution.moment(c -> c.anchorDay().at(Granularity.WEEK)));
        }
        int at = s.is(k, "fiscal") ? k + 1 : k;
        if (s.is(at, "year") && !s.isAny(at + 1, "-", "before", "after", "of")) {
            if (s.isAny(at + 1, "ended", "ending", "ends", "that")) {
                return new Match(i, at + 1, Resolution.constant("DURATION", "P1Y"));
            }
            return new Match(i, at + 1, Resolution.moment(c -> c.anchorDay().at(Granularity.YEAR)));
        }
        return null;
    }

    /**
     * the day before / after [date], the next day, year-ago / year-earlier [quarter|period], the latest quarter,
     * the current quarter, the quarter.
     */
    Match anaphoric(Scan s, int i) {
        int k = s.afterThe(i);
        Match period = currentPeriod(s, i, k);
        if (period != null) {
            return period;
        }
        if (s.is(k, "day") || s.partOfDay(k) != null) {
            String pod = s.partOfDay(k);
            if (s.isAny(k + 1, "before", "after") && k > i) {
                int sign = s.is(k + 1, "before") ? -1 : 1;
                Match date = grammar.pointAt(s, k + 2);
                if (date != null) {
                    Resolution base = date.resolution();
                    return new Match(i, date.end(), c -> {
                        Resolved r = base.resolve(c);
                        if (r == null || r.moment() == null) {
                            return null;
                        }
                        Moment day = r.moment().at(Granularity.DAY).shift(Unit.DAY, sign);
                        return Resolved.of(pod == null ? day : day.withPartOfDay(pod));
                    }, date.explicitYear());
                }
                if (s.inRange(k + 2) && (s.token(k + 2).isWord() || s.token(k + 2).isNumber())) {
                    return null;
                }
                return new Match(i, k + 2, Resolution.moment(c -> {
                    Moment day = fromReference(c, Granularity.DAY).shift(Unit.DAY, sign);
                    return pod == null ? day : day.withPartOfDay(pod);
                }));
            }
            return null;
        }
        if (s.is(k, "year") && s.hyphen(k + 1) && s.isAny(k + 2, "ago", "earlier")) {
            int end = k + 3;
            boolean quarter = false;
            Match ordinalQuarter = CalendarRules.quarterOrHalf(s, end);
            if (ordinalQuarter != null) {
                Resolution inner = ordinalQuarter.resolution();
                return Match.anaphoric(i, ordinalQuarter.end(), c -> {
                    Resolved r = inner.resolve(c);
                    return r == null || r.moment() == null ? r : Resolved.of(r.moment().shift(Unit.YEAR, -1));
                });
            }
            if (s.isAny(end, "quarter", "period")) {
                quarter = s.is(end, "quarter");
                end++;
            } else if (k == i + 1) {
                return null;
            }
            boolean isQuarter = quarter;
            boolean isPeriod = !quarter && s.is(end - 1, "period");
            return Match.anaphoric(i, end, Resolution.moment(c -> reportingPeriod(c, isQuarter, isPeriod).shift(Unit.YEAR, -1)));
        }
        if (k > i && s.token(k).isNumber() && NumberReader.year(s, k) != null && s.isAny(k + 1, "quarter", "period")) {
            int year = (int) NumberReader.year(s, k).value();
            boolean quarter = s.is(k + 1, "quarter");
            return Match.anaphoric(i, k + 2, Resolution.moment(c -> {
                Moment reported = reportingPeriod(c, quarter, !quarter);
                return reported.shift(Unit.YEAR, year - reported.year());
            }));
        }
        if (k > i && s.isAny(k, "corresponding", "comparable", "same") && s.isAny(k + 1, "period", "quarter")) {
            int end = -1;
            if (s.is(k + 2, "last") && s.is(k + 3, "year")) {
                end = k + 4;
            } else if (s.is(k + 2, "a") && s.is(k + 3, "year") && s.isAny(k + 4, "ago", "earlier")) {
                end = k + 5;
            }
            if (end > 0) {
                boolean quarter = s.is(k + 1, "quarter");
                return Match.anaphoric(i, end, Resolution.moment(c -> reportingPeriod(c, quarter, !quarter)
                        .shift(Unit.YEAR, -1)));
            }
        }
        if (s.isAny(i, "last", "this", "next") && s.is(i + 1, "year") && s.is(i + 2, "'s")
                && s.isAny(i + 3, "quarter", "period")) {
            int offset = s.is(i, "last") ? -1 : s.is(i, "this") ? 0 : 1;
            boolean quarter = s.is(i + 3, "quarter");
            return Match.anaphoric(i, i + 4, Resolution.moment(c -> {
                Moment reported = reportingPeriod(c, quarter, !quarter);
                return reported.shift(Unit.YEAR, c.anchor().getYear() + offset - reported.year());
            }));
        }
        if (k > i && s.isAny(k, "latest", "just-ended") || k > i && s.is(k, "most") && s.is(k + 1, "recent")) {
            int at = s.is(k, "most") ? k + 2 : k + 1;
            if (s.is(at, "fiscal")) {
                at++;
            }
            if (s.isAny(at, "quarter", "period")) {
                return new Match(i, at + 1, Resolution.moment(Calendar::lastCompletedQuarter));
            }
            return null;
        }
        if (k > i && s.is(k, "quarter") && s.isAny(k + 1, "ended", "ending")) {
            // "the quarter ended Sept. 30": the quarter that date falls in; the date is a mention of its own
            Match date = grammar.pointAt(s, k + 2);
            if (date != null) {
                Resolution end = date.resolution();
                return new Match(i, k + 1, c -> {
                    Resolved r = end.resolve(c);
                    return r == null || r.moment() == null || r.moment().granularity().compareTo(Granularity.MONTH) < 0
                            ? Resolved.of(Calendar.lastCompletedQuarter(c)) : Resolved.of(r.moment().at(Granularity.QUARTER));
                });
            }
        }
        if (k > i && s.is(k, "quarter") && !s.is(k + 1, "-") && !s.isAny(k + 1, "of", "century", "mile", "point")) {
            return new Match(i, k + 1, Resolution.moment(c -> {
                Moment reference = c.recentReference();
                return reference != null && reference.granularity() == Granularity.QUARTER ? reference
                        : Calendar.lastCompletedQuarter(c);
            }));
        }
        return null;
    }
}
