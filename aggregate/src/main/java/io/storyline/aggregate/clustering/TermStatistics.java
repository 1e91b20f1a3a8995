package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.Collection;

/**
 * Document frequencies over the active incidents (an incident counts a key once), for IDF weights that follow
 * the window: a name that fills this week's news weighs less than a rare one. Keys are index keys: terms as
 * {@code t:term}, entities as {@code e:type|name}.
 */
final class TermStatistics {

    /** Sorts before every key, so it never collides with one. */
    private static final String INCIDENT_COUNT = "\u0000incidents";

    /** Pseudo-count of incidents assumed before the stream starts. */
    static final double PRIOR_INCIDENTS = 10;

    private final Table<Long> table;

    TermStatistics(Table<Long> table) {
        this.table = table;
    }

    long incidents() {
        Long value = table.get(INCIDENT_COUNT);
        return value == null ? 0 : value;
    }

    void incidentOpened() {
        add(INCIDENT_COUNT, 1);
    }

    void incidentClosed() {
        add(INCIDENT_COUNT, -1);
    }

    long frequency(String key) {
        Long value = table.get(key);
        return value == null ? 0 : value;
    }

    /**
     * Inverse document frequency among {@code incidents} active incidents, as if {@link #PRIOR_INCIDENTS} more
     * incidents without the key had been seen: a key no incident has gets the highest weight and a key every
     * incident has tends to none (so words all coverage shares cannot make unrelated articles alike), while the
     * first few incidents of a stream still weigh their words.
     */
    double idf(String key, long incidents) {
        return Math.log((incidents + PRIOR_INCIDENTS) / (frequency(key) + 1.0));
    }

    void added(Collection<String> keys) {
        for (String key : keys) {
            add(key, 1);
        }
    }

    void removed(Collection<String> keys) {
        for (String key : keys) {
            add(key, -1);
        }
    }

    private void add(String key, long delta) {
        Long current = table.get(key);
        long value = (current == null ? 0 : current) + delta;
        if (value <= 0) {
            table.delete(key);
        } else {
            table.put(key, value);
        }
    }
}
