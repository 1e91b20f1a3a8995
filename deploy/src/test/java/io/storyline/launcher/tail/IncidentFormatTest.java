package io.storyline.launcher.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.facts.KeyFacts;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What `tail` shows of an incident's key facts and of a FACTS_CHANGED event. */
class IncidentFormatTest {

    private static final KeyFacts TWO_KILLED = new KeyFacts(2, null, "2025-06-08",
            new KeyFacts.Place("Dayton", "Ohio", "United States"), List.of());

    @Test
    void anIncidentShowsItsTollDateAndPlace() {
        Incident incident = new Incident(1, "inc-1", "Warehouse fire", Instant.EPOCH, Instant.EPOCH, "2025-06-08", 1,
                1, List.of("example.org"), List.of("a1"), List.of(), List.of(), List.of(), List.of(), "OPEN", null,
                TWO_KILLED);
        assertTrue(IncidentFormat.incident(incident).contains("\n    2 killed, ? injured, 2025-06-08, Dayton, Ohio, "
                + "United States"), IncidentFormat.incident(incident));
    }

    @Test
    void aFactsChangedEventShowsBeforeAndAfter() {
        IncidentEvent event = new IncidentEvent(1, IncidentEventType.FACTS_CHANGED, "inc-1", "a2", Instant.EPOCH,
                "Warehouse fire", "example.org", null, null, 2, 2, null,
                new KeyFacts(3, null, "2025-06-08", TWO_KILLED.place(), List.of()), TWO_KILLED);
        assertTrue(IncidentFormat.event(event).contains("2 killed, ? injured, 2025-06-08, Dayton, Ohio, United States"
                + " -> 3 killed"), IncidentFormat.event(event));
        assertEquals("", IncidentFormat.facts(KeyFacts.none()));
    }
}
