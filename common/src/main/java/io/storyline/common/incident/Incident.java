package io.storyline.common.incident;

import io.storyline.common.facts.KeyFacts;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Validated;
import java.time.Instant;
import java.util.List;

/**
 * One incident on the compacted {@code news.incidents} topic, keyed by {@link #incidentId()}. An incident merged
 * into another is published once more with {@code mergedInto} set, then deleted with a tombstone.
 *
 * @param sources     independent sources (outlets), reprints excluded
 * @param articleIds  every member, reprints included, in arrival order
 * @param entities    the incident's entities ranked by how many members mention them
 * @param locations   the subset of {@code entities} that are places, ranked the same way
 * @param dates       event dates of the members with their counts, most frequent first
 * @param status      {@code OPEN} while it can take new articles, {@code CLOSED} once retired, {@code MERGED}
 * @param keyFacts    killed, injured, date and place reconciled from the members' reports, with evidence; null in
 *                    records written before incidents carried them
 * @param languages   the languages of the members (ingest's detection), most members first; null in records
 *                    written before incidents carried them
 */
public record Incident(
        int schemaVersion,
        String incidentId,
        String title,
        Instant firstSeen,
        Instant lastUpdated,
        String eventDate,
        int articleCount,
        int sourceCount,
        List<String> sources,
        List<String> articleIds,
        List<Duplicate> duplicates,
        List<RankedEntity> entities,
        List<RankedEntity> locations,
        List<DateCount> dates,
        String status,
        String mergedInto,
        KeyFacts keyFacts,
        List<String> languages) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    /** An incident without key facts, as written before incidents carried them. */
    public Incident(int schemaVersion, String incidentId, String title, Instant firstSeen, Instant lastUpdated,
                    String eventDate, int articleCount, int sourceCount, List<String> sources, List<String> articleIds,
                    List<Duplicate> duplicates, List<RankedEntity> entities, List<RankedEntity> locations,
                    List<DateCount> dates, String status, String mergedInto) {
        this(schemaVersion, incidentId, title, firstSeen, lastUpdated, eventDate, articleCount, sourceCount, sources,
                articleIds, duplicates, entities, locations, dates, status, mergedInto, null, null);
    }

    /** An incident without its languages, as written before incidents carried them. */
    public Incident(int schemaVersion, String incidentId, String title, Instant firstSeen, Instant lastUpdated,
                    String eventDate, int articleCount, int sourceCount, List<String> sources, List<String> articleIds,
                    List<Duplicate> duplicates, List<RankedEntity> entities, List<RankedEntity> locations,
                    List<DateCount> dates, String status, String mergedInto, KeyFacts keyFacts) {
        this(schemaVersion, incidentId, title, firstSeen, lastUpdated, eventDate, articleCount, sourceCount, sources,
                articleIds, duplicates, entities, locations, dates, status, mergedInto, keyFacts, null);
    }

    /** A reprint member and the earlier member it copies. */
    public record Duplicate(String articleId, String duplicateOf) {
    }

    /** An entity of the incident and the number of member articles mentioning it. */
    public record RankedEntity(String canonical, String type, int count) {
    }

    /** An event date and the number of member articles that give it. */
    public record DateCount(String value, int count) {
    }

    @Override
    public void validate() {
        InvalidRecordException.requireText(incidentId, "incident_id");
        InvalidRecordException.require(articleIds != null, "required field 'article_ids' is missing");
    }
}
