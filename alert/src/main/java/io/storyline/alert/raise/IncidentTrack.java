package io.storyline.alert.raise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the alert service keeps of one incident, in its store: the latest records of the incident (so an event can
 * be evaluated with the record that shows its change, whichever of the two topics delivered first), the events
 * still waiting for that record, in order, and the rules that already fired once for the incident.
 *
 * @param versions the incident's latest records, oldest first
 * @param pending  events waiting for a record that shows their change, in the order they arrived
 * @param fired    ids of the once-per-incident rules that raised their alert for it
 */
record IncidentTrack(List<JsonNode> versions, List<Waiting> pending, List<String> fired) {

    /** Records of an incident kept: an event delayed behind more changes than that gets the oldest one kept. */
    static final int MAX_VERSIONS = 8;

    /**
     * An event waiting for its incident record.
     *
     * @param timestamp its record timestamp, which the alert keeps
     * @param queuedAt  wall-clock time it started waiting
     */
    record Waiting(JsonNode event, long timestamp, long queuedAt) {
    }

    static IncidentTrack empty() {
        return new IncidentTrack(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** A copy that can be changed (the store's value may be shared by a cache). */
    IncidentTrack mutable() {
        return new IncidentTrack(new ArrayList<>(versions == null ? List.of() : versions),
                new ArrayList<>(pending == null ? List.of() : pending), new ArrayList<>(fired == null ? List.of() : fired));
    }

    void addVersion(JsonNode incident) {
        versions.add(incident);
        while (versions.size() > MAX_VERSIONS) {
            versions.remove(0);
        }
    }

    boolean isEmpty() {
        return versions.isEmpty() && pending.isEmpty() && fired.isEmpty();
    }
}
