package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.Collection;

/**
 * Document frequencies of terms over the active incidents (an incident counts a term once), for TF-IDF
 * weights that follow the window: a name that fills this week's news weighs less than a rare one.
 */
final class TermStatistics {

    /** Sorts before every term, so it never collides with one. */
    private static final String INCIDENT_COUNT = "\u0000incidents";

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

    long frequency(String term) {
        Long value = table.get(term);
        return value == null ? 0 : value;
    }

    /**
     * Smoothed inverse document frequency among {@code incidents} active incidents; a term no active incident
     * has gets the highest weight.
     */
    double idf(String term, long incidents) {
        return Math.log((incidents + 1.0) / (frequency(term) + 1.0)) + 1.0;
    }

    void added(Collection<String> terms) {
        for (String term : terms) {
            add(term, 1);
        }
    }

    void removed(Collection<String> terms) {
        for (String term : terms) {
            add(term, -1);
        }
    }

    private void add(String key, long delta) {
        long value = (table.get(key) == null ? 0 : table.get(key)) + delta;
        if (value <= 0) {
            table.delete(key);
        } else {
            table.put(key, value);
        }
    }
}
