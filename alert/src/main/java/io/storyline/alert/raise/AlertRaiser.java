package io.storyline.alert.raise;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.alert.rules.RuleBook;
import io.storyline.common.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Evaluates the rules on every incident event, with the incident record that shows the event's change (see {@link
 * Snapshots}), and forwards the alerts it raises, keyed by incident id. Both topics are keyed by incident id, so one
 * task sees an incident's events and records. An event whose record has not come yet waits in the incident's
 * {@link IncidentTrack}; one that waited {@code snapshotWait} is evaluated with the latest record there is (or
 * none). Events of one incident are evaluated in their order. An incident's track is forgotten once it is
 * closed, merged away or deleted, so the state holds the live incidents only.
 */
final class AlertRaiser implements Processor<String, AlertRaiser.Change, String, Alert> {

    /** An input record: a new state of an incident (null for a tombstone) or an event. */
    record Change(boolean event, JsonNode value) {
    }

    private static final Duration PUNCTUATE_EVERY = Duration.ofSeconds(1);

    private final RuleBook rules;
    private final Duration snapshotWait;
    private final AlertStores stores;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, IncidentTrack> tracks;
    private KeyValueStore<String, Long> waiting;

    AlertRaiser(RuleBook rules, Duration snapshotWait, AlertStores stores) {
        this.rules = rules;
        this.snapshotWait = snapshotWait;
        this.stores = stores;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.tracks = context.getStateStore(stores.tracks());
        this.waiting = context.getStateStore(stores.waiting());
        context.schedule(PUNCTUATE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, Change> record) {
        String incidentId = record.key();
        if (incidentId == null) {
            return;
        }
        Change change = record.value();
        if (change.event() && change.value() == null) {
            return;
        }
        IncidentTrack stored = tracks.get(incidentId);
        IncidentTrack track = stored == null ? IncidentTrack.empty() : stored.mutable();
        if (!change.event()) {
            if (change.value() == null) {
                forget(incidentId);
                return;
            }
            track.addVersion(change.value());
        } else {
            track.pending().add(new IncidentTrack.Waiting(change.value(), record.timestamp(),
                    context.currentSystemTimeMs()));
        }
        boolean done = release(incidentId, track, false);
        save(incidentId, track, done);
    }

    /**
     * Evaluates the waiting events, in order, as long as a record shows the first one's change (or, {@code
     * overdue}, for all of them with the latest record). Returns whether the incident is finished (closed or
     * merged away): nothing more will come for it.
     */
    private boolean release(String incidentId, IncidentTrack track, boolean overdue) {
        boolean finished = false;
        while (!track.pending().isEmpty()) {
            IncidentTrack.Waiting next = track.pending().get(0);
            int index = Snapshots.firstShowing(track.versions(), next.event());
            if (index < 0 && !overdue) {
                break;
            }
            JsonNode snapshot = index >= 0 ? track.versions().get(index)
                    : track.versions().isEmpty() ? null : track.versions().get(track.versions().size() - 1);
            track.pending().remove(0);
            if (index > 0) {
                // Later events show later changes: the records before this one are of no more use.
                track.versions().subList(0, index).clear();
            }
            Set<String> fired = new LinkedHashSet<>(track.fired());
            for (Alert alert : RuleEvaluation.alerts(rules.current(), incidentId, next.event(), snapshot, fired,
                    Instant.ofEpochMilli(next.timestamp()))) {
                context.forward(new Record<>(incidentId, alert, next.timestamp()));
            }
            track.fired().clear();
            track.fired().addAll(fired);
            String type = next.event().path("type").asText();
            finished |= type.equals("CLOSED") || type.equals("MERGED");
        }
        return finished && track.pending().isEmpty();
    }

    private void save(String incidentId, IncidentTrack track, boolean finished) {
        if (finished) {
            forget(incidentId);
            return;
        }
        tracks.put(incidentId, track);
        if (track.pending().isEmpty()) {
            if (waiting.get(incidentId) != null) {
                waiting.delete(incidentId);
            }
        } else if (waiting.get(incidentId) == null) {
            waiting.put(incidentId, track.pending().get(0).queuedAt());
        }
    }

    private void forget(String incidentId) {
        tracks.delete(incidentId);
        waiting.delete(incidentId);
    }

    /** Looks for a changed rules file, and evaluates events that waited too long for their record. */
    private void punctuate(long now) {
        rules.refresh();
        List<String> overdue = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = waiting.all()) {
            all.forEachRemaining(entry -> {
                if (now - entry.value >= snapshotWait.toMillis()) {
                    overdue.add(entry.key);
                }
            });
        }
        for (String incidentId : overdue) {
            IncidentTrack stored = tracks.get(incidentId);
            if (stored == null) {
                waiting.delete(incidentId);
                continue;
            }
            IncidentTrack track = stored.mutable();
            boolean done = release(incidentId, track, true);
            save(incidentId, track, done);
        }
    }
}
