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
    /** Summed term counts of the originals, pruned to the strongest terms. */
    TreeMap<String, Integer> terms = new TreeMap<>();
    /** Entity key to the number of originals mentioning it. */
    TreeMap<String, Integer> entities = new TreeMap<>();
    /** Event date to the number of originals giving it. */
    TreeMap<String, Integer> eventDates = new TreeMap<>();
    /** Terms and entity match keys under which the candidate index finds this incident. */
    ArrayList<String> indexKeys = new ArrayList<>();
    boolean corroborated;
    /** Lengths of the weighted term and entity vectors as of the last change (see Similarity#refreshNorms). */
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
