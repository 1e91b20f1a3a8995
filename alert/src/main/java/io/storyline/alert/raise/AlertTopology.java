package io.storyline.alert.raise;

import io.storyline.alert.rules.RuleBook;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The alert service's topology: incident events and incident records, both keyed by incident id, meet in one
 * processor that evaluates the rules and writes what they raise to {@code news.alerts}, keyed by incident id (so
 * the alerts of an incident stay in order for delivery). {@code news.incidents} and {@code news.incident-events}
 * must have the same number of partitions (aggregate writes both by incident id), so that an incident's events and
 * records meet in one task.
 */
public final class AlertTopology {

    /** Prefix of every store and processor name of this service. */
    public static final String NAME = "alert-";

    private AlertTopology() {
    }

    public static Topology build(RuleBook rules, Duration snapshotWait, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertStores stores = AlertStores.named(NAME);
        stores.builders().forEach(builder::addStateStore);

        KStream<String, AlertRaiser.Change> incidents = builder
                .stream(topics.incidents().name(), Consumed.with(Serdes.String(),
                        new CheckedJson(Topics.INCIDENT_SERDE, Incident.SCHEMA_VERSION)).withName(NAME + "incidents-source"))
                .mapValues(incident -> new AlertRaiser.Change(false, incident), Named.as(NAME + "incident"));
        KStream<String, AlertRaiser.Change> events = builder
                .stream(topics.incidentEvents().name(), Consumed.with(Serdes.String(),
                        new CheckedJson(Topics.INCIDENT_EVENT_SERDE, IncidentEvent.SCHEMA_VERSION)).withName(NAME + "events-source"))
                .mapValues(event -> new AlertRaiser.Change(true, event), Named.as(NAME + "event"));
        incidents.merge(events, Named.as(NAME + "changes"))
                .process(() -> new AlertRaiser(rules, snapshotWait, stores), Named.as(NAME + "raise"),
                        stores.tracks(), stores.waiting())
                .to(topics.alerts().name(), topics.alerts().produced().withName(NAME + "alerts-sink"));
        return builder.build();
    }
}
