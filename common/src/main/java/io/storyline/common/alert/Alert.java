package io.storyline.common.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.FutureSchemaVersionException;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Validated;
import java.time.Instant;
import java.util.List;

/**
 * An alert on {@code news.alerts}, keyed by incident id: a rule of the alert service matched an incident event.
 * The same value is the body of the webhook that delivers it.
 *
 * <p>{@code event} and {@code incident} are kept as the JSON they were read as, not as typed records, so fields
 * that a newer aggregate adds to either reach the webhook receivers unchanged.
 *
 * @param alertId         stable: the same rule matching the same incident (or, for rules that fire on every
 *                        event, the same event) always yields the same id; receivers deduplicate on it
 * @param ruleDescription the rule's description, where it has one
 * @param rulesVersion    which version of the rules file decided (a hash of its content): for audit, not identity
 * @param raisedAt        the time of the event that raised it
 * @param webhooks        names of the webhooks of the rules file to deliver it to
 * @param event           the incident event that raised it, as on {@code news.incident-events}
 * @param incident        the incident as it was after that event, as on {@code news.incidents}; null when no
 *                        record of it arrived in time
 */
public record Alert(
        int schemaVersion,
        String alertId,
        String ruleId,
        String ruleDescription,
        String rulesVersion,
        String incidentId,
        Instant raisedAt,
        List<String> webhooks,
        JsonNode event,
        JsonNode incident) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void validate() {
        FutureSchemaVersionException.requireKnown("the alert's", schemaVersion, SCHEMA_VERSION);
        InvalidRecordException.requireText(alertId, "alert_id");
        InvalidRecordException.requireText(ruleId, "rule_id");
        InvalidRecordException.requireText(incidentId, "incident_id");
        InvalidRecordException.require(event != null && event.isObject(), "required field 'event' is missing");
        InvalidRecordException.require(webhooks != null, "required field 'webhooks' is missing");
    }
}
