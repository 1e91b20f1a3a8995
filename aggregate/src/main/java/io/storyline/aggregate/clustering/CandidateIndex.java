package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inverted index from match keys (entity names, distinctive terms) to the active incidents carrying them: the
 * engine compares an article only with incidents that share a key with it, never with all of them. A key held
 * by more than {@code postingsLimit} incidents says nothing about which incident an article belongs to and is
 * skipped, which also bounds the cost of a lookup however many incidents are active.
 */
final class CandidateIndex {

    private final Table<Boolean> postings;
    private final int postingsLimit;

    CandidateIndex(Table<Boolean> postings, int postingsLimit) {
        this.postings = postings;
        this.postingsLimit = postingsLimit;
    }

    void add(String key, String incidentId) {
        postings.put(key + Table.SEPARATOR + incidentId, Boolean.TRUE);
    }

    void remove(String key, String incidentId) {
        postings.delete(key + Table.SEPARATOR + incidentId);
    }

    void removeAll(Collection<String> keys, String incidentId) {
        for (String key : keys) {
            remove(key, incidentId);
        }
    }

    /**
     * Incidents sharing at least one selective key with {@code keys}, with the summed weight of the keys they
     * share, in first-found order (keys in the order given, incidents in id order: deterministic).
     */
    Map<String, Double> lookup(Map<String, Double> keys) {
        Map<String, Double> hits = new LinkedHashMap<>();
        for (Map.Entry<String, Double> key : keys.entrySet()) {
            String prefix = key.getKey() + Table.SEPARATOR;
            var found = postings.prefix(prefix, postingsLimit + 1);
            if (found.size() > postingsLimit) {
                continue;
            }
            for (var posting : found) {
                hits.merge(posting.getKey().substring(prefix.length()), key.getValue(), Double::sum);
            }
        }
        return hits;
    }
}
