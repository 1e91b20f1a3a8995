package io.storyline.aggregate.clustering;

import java.util.List;
import java.util.Map;

/**
 * An active article as the engine remembers it: which incident holds it and what it contributed there, so a
 * correction (same id, new content) can take the old contribution back out before adding the new one.
 *
 * @param duplicateOf the member it reprints, or null for an original
 * @param indexTerms  the index keys this article gave its incident
 */
public record MemberArticle(
        String id,
        String incidentId,
        String contentHash,
        String source,
        String title,
        long timestamp,
        double day,
        String eventDate,
        long simhash,
        String duplicateOf,
        Map<String, Integer> terms,
        Map<String, Integer> entities,
        List<String> indexTerms) {

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The same article as a member of another incident (after a merge). */
    MemberArticle movedTo(String otherIncidentId) {
        return new MemberArticle(id, otherIncidentId, contentHash, source, title, timestamp, day, eventDate, simhash,
                duplicateOf, terms, entities, indexTerms);
    }
}
