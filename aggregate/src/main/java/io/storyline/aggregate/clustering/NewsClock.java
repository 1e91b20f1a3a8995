package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.Arrays;

/**
 * The engine's "now" in news time, which retires incidents: the median publication day of the last {@link #RECENT}
 * articles, never moving back. Following the news rather than the wall clock makes a replay form the incidents a
 * live run formed; the median, rather than the latest day seen, keeps one article that arrives out of order (a
 * report dated weeks ahead, a file of last year's news published before this year's) from retiring every incident
 * still receiving coverage. Kept in the statistics table, so it survives restarts with the rest of the state.
 */
final class NewsClock {

    /** How many recent articles vote; a minority of them out of order moves nothing. */
    static final int RECENT = 15;
    private static final double MINUTES_PER_DAY = 24 * 60;
    private static final String NOW = "\u0000clock";
    private static final String NEXT_SLOT = "\u0000clock.next";
    private static final String SLOT = "\u0000clock.recent.";

    private final Table<Long> table;

    NewsClock(Table<Long> table) {
        this.table = table;
    }

    /** Takes one article's day into account and answers the clock, in days since the epoch. */
    double advance(double day) {
        long next = valueOf(NEXT_SLOT, 0);
        table.put(SLOT + (next % RECENT), Math.round(day * MINUTES_PER_DAY));
        table.put(NEXT_SLOT, next + 1);
        int voters = (int) Math.min(next + 1, RECENT);
        long[] recent = new long[voters];
        for (int i = 0; i < voters; i++) {
            recent[i] = valueOf(SLOT + i, 0);
        }
        Arrays.sort(recent);
        Long stored = table.get(NOW);
        // The lower median: with two voters the earlier day, so a young stream is not rushed either.
        long now = Math.max(stored == null ? Long.MIN_VALUE : stored, recent[(voters - 1) / 2]);
        table.put(NOW, now);
        return now / MINUTES_PER_DAY;
    }

    private long valueOf(String key, long otherwise) {
        Long value = table.get(key);
        return value == null ? otherwise : value;
    }
}
