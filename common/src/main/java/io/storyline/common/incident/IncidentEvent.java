package io.storyline.common.incident;

import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Validated;
import java.time.Instant;

/**
 * What changed in an incident, on {@code news.incident-events}, keyed by incident id; for alerting consumers.
 *
 * @param type        see {@link IncidentEventType}
 * @param articleId   the article that caused the change, where one did
 * @param source      that article's source
 * @param duplicateOf for {@code DUPLICATE_SEEN}, the member it reprints
 * @param mergedInto  for {@code MERGED}, the surviving incident
 * @param sourceCount independent sources after the change
 */
public record IncidentEvent(
        int schemaVersion,
        String type,
        String incidentId,
        String articleId,
        Instant at,
        String title,
        String source,
        String duplicateOf,
        String mergedInto,
        Integer articleCount,
        Integer sourceCount) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void validate() {
        InvalidRecordException.requireText(type, "type");
        InvalidRecordException.requireText(incidentId, "incident_id");
    }
}
