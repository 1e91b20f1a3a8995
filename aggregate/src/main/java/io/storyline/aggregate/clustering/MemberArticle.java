package io.storyline.aggregate.clustering;

import java.util.List;
import java.util.Map;

/**
 * An active article as the engine remembers it: which incident holds it and what it contributed there, so a
 * correction (same id, new content) can take the old contribution back out before adding the new one.
 *
 * @param duplicateOf the member it reprints, or null for an original
 * @param indexTerms  the terms this article added to its incident's candidate keys
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
}
