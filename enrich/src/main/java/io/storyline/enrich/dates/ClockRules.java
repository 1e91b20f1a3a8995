package io.storyline.enrich.dates;

/**
 * Clock times: "10 p.m.", "9:30 a.m. EST Tuesday", "noon Thursday", "midnight", "10 o'clock"; the day named after
 * the time (or else the anchor day) carries the date.
 */
final class ClockRules {

    /** A clock time read at some tokens: minutes after midnight, and where it ends. */
    record Clock(int minuteOfDay, int end) {
    }


    private final Grammar grammar;

    ClockRules(Grammar grammar) {
        this.grammar = grammar;
    }

    Match time(Scan s, int i) {
        Clock clock = clock(s, i);
        if (clock == null) {
            return null;
        }
        int end = clock.end();
        if (s.entry(end, Lexicon.WordClass.ZONE) != null) {
            end++;
        } else if (s.is(end, "local") && s.is(end + 1, "time")) {
            end += 2;
        }
        int dayAt = s.isAny(end, "on", ",") ? end + 1 : end;
        Match day = grammar.dayAt(s, dayAt);
        int minute = clock.minuteOfDay();
        if (day != null) {
            Resolution base = day.resolution();
            return new Match(i, day.end(), c -> {
                Resolved r = base.resolve(c);
                if (r == null || r.moment() == null) {
                    return null;
                }
                return Resolved.of(r.moment().at(Granularity.DAY).withTime(minute / 60, minute % 60));
            }, day.explicitYear());
        }
        // a time without a day belongs to the day just mentioned ("On Friday ... at 10 p.m."), else to the anchor's
        if (!s.token(i).isNumber() && !s.inList(i - 1, "clock-prepositions")) {
            return null; // "High Noon", "the midnight sun": not a time of this story
        }
        return new Match(i, end, Resolution.moment(c -> {
            Moment base = c.reference() != null && c.referenceNearby()
                    && !Granularity.DAY.finerThan(c.reference().granularity()) ? c.reference() : c.anchorDay();
            return base.at(Granularity.DAY).withTime(minute / 60, minute % 60);
        }));
    }

    static Clock clock(Scan s, int i) {
        if (!s.inRange(i)) {
            return null;
        }
        String w = s.word(i);
        if (w.equals("noon") || w.equals("midday")) {
            return new Clock(12 * 60, i + 1);
        }
        if (w.equals("midnight")) {
            return new Clock(24 * 60, i + 1);
        }
        Token t = s.token(i);
        if (!t.isNumber()) {
            return null;
        }
        String text = t.lower();
        String meridiem = null;
        if (text.endsWith("am") || text.endsWith("pm")) {
            meridiem = text.substring(text.length() - 2);
            text = text.substring(0, text.length() - 2);
        }
        int hour;
        int minute = 0;
        int colon = text.indexOf(':');
        if (colon > 0) {
            hour = NumberReader.smallInt(text.substring(0, colon), 2);
            minute = NumberReader.smallInt(text.substring(colon + 1), 2);
            if (text.length() - colon - 1 != 2) {
                return null;
            }
        } else {
            hour = NumberReader.smallInt(text, 2);
        }
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59) {
            return null;
        }
        int end = i + 1;
        if (meridiem == null) {
            String next = s.word(end);
            if (next.startsWith("a.m") || next.equals("am")) {
                meridiem = "am";
                end++;
            } else if (next.startsWith("p.m") || next.equals("pm")) {
                meridiem = "pm";
                end++;
            } else if (next.equals("o'clock") || next.equals("o") && s.is(end + 1, "'") && s.is(end + 2, "clock")) {
                end += next.equals("o") ? 3 : 1;
            } else if (colon < 0 || s.entry(end, Lexicon.WordClass.ZONE) == null && !s.is(i - 1, "at")) {
                return null;
            }
        }
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (meridiem.equals("pm") ? 12 : 0);
        }
        return new Clock(hour * 60 + minute, end);
    }
}
