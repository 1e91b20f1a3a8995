package io.storyline.aggregate.clustering;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;

/** One record the engine asks to publish, in the order it must be published. */
public sealed interface Emission {

    /** The key it is published under. */
    String incidentId();

    /** The new state of an incident on {@code news.incidents}; a null incident is a tombstone. */
    record IncidentRecord(String incidentId, Incident incident) implements Emission {
    }

    /** A change for alerting consumers on {@code news.incident-events}. */
    record Event(IncidentEvent event) implements Emission {
        @Override
        public String incidentId() {
            return event.incidentId();
        }
    }
}
