package io.storyline.aggregate.clustering;

import io.storyline.common.facts.KeyFacts;
import java.util.List;
import java.util.Map;

/**
 * An active article as the engine remembers it: which incident holds it and what it contributed there, so a
 * correction (same id, new content) can take the old contribution back out before adding the new one.
 *
 * @param duplicateOf    the member it reprints, or null for an original
 * @param terms          the TF-IDF vector it added to its incident's term centroid (empty for a reprint)
 * @param entities       its entity keys with mention counts (empty for a reprint)
 * @param entityWeights  the IDF weights it added to its incident's entity centroid
 * @param countries      the countries it added to its incident's (empty for a reprint)
 * @param regions        the regions it added to its incident's (empty for a reprint; null in older state)
 * @param localPlaces    the local places it added to its incident's (empty for a reprint; null in older state)
 * @param indexTerms     the index keys under which this article (and any earlier version) lists its incident
 * @param facts          the key facts it reported to its incident, without sentences (null for a reprint, and in
 *                       state written before incidents kept key facts)
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
        String minhash,
        String duplicateOf,
        Map<String, Double> terms,
        Map<String, Integer> entities,
        Map<String, Double> entityWeights,
        List<String> countries,
        List<String> indexTerms,
        KeyFacts facts,
        List<String> regions,
        List<String> localPlaces) {

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The same article as a member of another incident (after a merge). */
    MemberArticle movedTo(String otherIncidentId) {
        return new MemberArticle(id, otherIncidentId, contentHash, source, title, timestamp, day, eventDate, minhash,
                duplicateOf, terms, entities, entityWeights, countries, indexTerms, facts, regions,
                localPlaces);
    }
}
