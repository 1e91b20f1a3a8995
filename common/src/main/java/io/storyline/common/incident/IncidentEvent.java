package io.storyline.common.incident;

import io.storyline.common.facts.KeyFacts;
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
 * @param keyFacts         for {@code FACTS_CHANGED}, the incident's key facts after the change (without evidence)
 * @param previousKeyFacts for {@code FACTS_CHANGED}, its key facts before (null when it had none)
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
        Integer sourceCount,
        KeyFacts keyFacts,
        KeyFacts previousKeyFacts) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    /** An event that carries no key facts: every type but {@code FACTS_CHANGED}. */
    public IncidentEvent(int schemaVersion, String type, String incidentId, String articleId, Instant at, String title,
                         String source, String duplicateOf, String mergedInto, Integer articleCount,
                         Integer sourceCount) {
        this(schemaVersion, type, incidentId, articleId, at, title, source, duplicateOf, mergedInto, articleCount,
                sourceCount, null, null);
    }

    @Override
    public void validate() {
        InvalidRecordException.requireText(type, "type");
        InvalidRecordException.requireText(incidentId, "incident_id");
    }
}
