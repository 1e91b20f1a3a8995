package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.ArrayList;
import java.util.List;

/** When each active incident is due to retire, ordered by that time, so finding the due ones is a range read. */
final class RetirementSchedule {

    private final Table<String> table;

    RetirementSchedule(Table<String> table) {
        this.table = table;
    }

    void schedule(String incidentId, double dueDay) {
        table.put(key(dueDay, incidentId), incidentId);
    }

    void cancel(String incidentId, double dueDay) {
        table.delete(key(dueDay, incidentId));
    }

    /** Up to {@code limit} incidents due strictly before {@code day}, earliest first. */
    List<String> dueBefore(double day, int limit) {
        List<String> out = new ArrayList<>();
        for (var entry : table.range("", key(day, ""), limit)) {
            out.add(entry.getValue());
        }
        return out;
    }

    /** Fixed-width and sortable as text; days before 1970 are not news Storyline will see. */
    private static String key(double day, String incidentId) {
        long minutes = Math.max(0, Math.round(day * 24 * 60));
        return String.format("%012d", minutes) + Table.SEPARATOR + incidentId;
    }
}
