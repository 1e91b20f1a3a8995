package io.storyline.aggregate.clustering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.TreeMap;

/**
 * What comparing an article with an incident reads: the centroids, countries, event dates and time span. Kept in
 * a store of its own, apart from the incident's record, because every candidate of every article is read, and
 * the record grows with the members (an incident of hundreds of articles is tens of kilobytes) while this stays
 * bounded by the term limit. Only the incident an article joins is read whole.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class IncidentProfile {

    // Concrete collection types: Jackson then rebuilds the same kinds, so iteration order (and with it every
    // decision) is the same whether the state was read from a store or kept in memory.

    String id;
    double firstDay;
    double lastDay;
    /**
     * The term centroid: the sum of the originals' TF-IDF vectors (term key to weight), each weighted as it stood
     * when the article arrived, pruned to the strongest terms.
     */
    TreeMap<String, Double> terms = new TreeMap<>();
    /** The entity centroid: compared entity keys ({@code e:type|name}) to summed IDF weights of the originals. */
    TreeMap<String, Double> entityWeights = new TreeMap<>();
    /** Country to the number of originals with a place in it: where the incident happened. */
    TreeMap<String, Integer> countries = new TreeMap<>();
    /** Event date to the number of originals giving it. */
    TreeMap<String, Integer> eventDates = new TreeMap<>();
    /** Lengths of the two centroids, kept with them so a comparison reads only the keys it shares. */
    double termNorm;
    double entityNorm;

    IncidentProfile() {
    }

    IncidentProfile(String id) {
        this.id = id;
    }

    public String id() {
        return id;
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
