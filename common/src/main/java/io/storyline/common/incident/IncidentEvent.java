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
 * @param article     the article that caused the change as a reader sees it (headline, link, publication time),
 *                    so a display can list an incident's members without reading {@code news.articles}
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
        ArticleSummary article,
        KeyFacts keyFacts,
        KeyFacts previousKeyFacts) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    /** An event that concerns no article's headline or link (a retirement, say) and carries no key facts. */
    public IncidentEvent(int schemaVersion, String type, String incidentId, String articleId, Instant at, String title,
                         String source, String duplicateOf, String mergedInto, Integer articleCount,
                         Integer sourceCount) {
        this(schemaVersion, type, incidentId, articleId, at, title, source, duplicateOf, mergedInto, articleCount,
                sourceCount, null, null, null);
    }

    /**
     * @param title       the article's headline, or its lead sentence where it has none
     * @param url         its link, where it has one
     * @param publishedAt when it was published, as precise as its source said (ISO-8601 date or date-time)
     */
    public record ArticleSummary(String title, String url, String publishedAt) {
    }

    @Override
    public void validate() {
        InvalidRecordException.requireText(type, "type");
        InvalidRecordException.requireText(incidentId, "incident_id");
    }
}
