package io.storyline.aggregate.clustering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * The engine's working state of one active incident: what comparisons need (term and entity profiles, event
 * dates, time span) and what its published record shows (members, sources, duplicates). Mutable: the engine
 * loads it, changes it and writes it back within one article's processing.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class IncidentState {

    // Concrete collection types: Jackson then rebuilds the same kinds, so iteration order (and with it every
    // decision) is the same whether the state was read from a store or kept in memory.

    String id;
    String title;
    long firstSeen;
    long lastUpdated;
    double firstDay;
    double lastDay;
    /** Every member in arrival order, reprints included. */
    ArrayList<String> articleIds = new ArrayList<>();
    /** Reprint member id to the member it copies. */
    LinkedHashMap<String, String> duplicates = new LinkedHashMap<>();
    /** Originals (reprints excluded) per source, in first-seen order. */
    LinkedHashMap<String, Integer> sources = new LinkedHashMap<>();
    /**
     * The term centroid: the sum of the originals' TF-IDF vectors (term key to weight), each weighted as it stood
     * when the article arrived, pruned to the strongest terms.
     */
    TreeMap<String, Double> terms = new TreeMap<>();
    /** Entity key to the number of originals mentioning it: what the published incident ranks. */
    TreeMap<String, Integer> entities = new TreeMap<>();
    /** The entity centroid: compared entity keys ({@code e:type|name}) to summed IDF weights of the originals. */
    TreeMap<String, Double> entityWeights = new TreeMap<>();
    /** Country to the number of originals with a place in it: where the incident happened. */
    TreeMap<String, Integer> countries = new TreeMap<>();
    /** Event date to the number of originals giving it. */
    TreeMap<String, Integer> eventDates = new TreeMap<>();
    boolean corroborated;
    /** Lengths of the two centroids, kept with them so a comparison reads only the keys it shares. */
    double termNorm;
    double entityNorm;

    IncidentState() {
    }

    IncidentState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every member in arrival order. */
    public List<String> articleIds() {
        return Collections.unmodifiableList(articleIds);
    }

    public int originals() {
        return articleIds.size() - duplicates.size();
    }

    public int sourceCount() {
        return sources.size();
    }

    /** Recomputes the centroid lengths after a change. */
    void refreshNorms() {
        termNorm = length(terms);
        entityNorm = length(entityWeights);
    }

    private static double length(TreeMap<String, Double> vector) {
        double sum = 0;
        for (double weight : vector.values()) {
            sum += weight * weight;
        }
        return Math.sqrt(sum);
    }

    /** The event date most members give (the earliest of equally common ones), or null. */
    String modalEventDate() {
        String best = null;
        int bestCount = 0;
        for (var entry : eventDates.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }
}
