package io.storyline.aggregate.clustering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * What comparing an article with an incident reads: the centroids, places, event dates and time span. Kept in
 * a store of its own, apart from the incident's record, because every candidate of every article is read, and
 * the record grows with the members (an incident of hundreds of articles is tens of kilobytes) while this stays
 * bounded by the term limit. Only the incident an article joins is read whole.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class IncidentProfile {

    // Concrete collection types, for the reason IncidentState gives.

    String id;
    double firstDay;
    double lastDay;
    /**
     * The term centroid: the sum of the originals' TF-IDF vectors (term key to weight), each weighted as it stood
     * when the article arrived, pruned to the strongest terms. Stored as two arrays sorted by key, which decode
     * into a comparison two to three times faster than a map of hundreds of entries; made a map only for the
     * incident that changes ({@link #terms()}).
     */
    String[] termKeys = new String[0];
    double[] termWeights = new double[0];
    @JsonIgnore
    private TreeMap<String, Double> terms;
    /** The entity centroid: compared entity keys ({@code e:type|name}) to summed IDF weights of the originals. */
    TreeMap<String, Double> entityWeights = new TreeMap<>();
    /** Country to the number of originals with a place in it: where the incident happened. */
    TreeMap<String, Integer> countries = new TreeMap<>();
    /** Event date to the number of originals giving it. */
    TreeMap<String, Integer> eventDates = new TreeMap<>();
    /** Region (state, province) to the number of originals naming it. */
    TreeMap<String, Integer> regions = new TreeMap<>();
    /**
     * Places the gazetteer does not know (streets, neighbourhoods, towns; entity match keys) to the number of
     * originals naming them, at most {@code ClusteringParameters#maxIncidentEntities} of the most named.
     */
    TreeMap<String, Integer> localPlaces = new TreeMap<>();
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

    /** The term centroid to change; {@link #settle()} stores the change. */
    TreeMap<String, Double> terms() {
        if (terms == null) {
            terms = new TreeMap<>();
            for (int i = 0; i < termKeys.length; i++) {
                terms.put(termKeys[i], termWeights[i]);
            }
        }
        return terms;
    }

    /** The centroid's weight of {@code term}, or 0. */
    double termWeight(String term) {
        if (terms != null) {
            return terms.getOrDefault(term, 0d);
        }
        int at = Arrays.binarySearch(termKeys, term);
        return at >= 0 ? termWeights[at] : 0;
    }

    /** After a change: the term arrays and both centroid lengths brought up to date. */
    void settle() {
        if (terms != null) {
            termKeys = terms.keySet().toArray(String[]::new);
            termWeights = terms.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        termNorm = length(termWeights);
        entityNorm = length(entityWeights.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double length(double[] weights) {
        double sum = 0;
        for (double weight : weights) {
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
