package io.storyline.aggregate.clustering;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.storyline.aggregate.facts.FactLedger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's working state of one active incident: what its published record shows (members, sources,
 * duplicates, entity counts) and, in {@link #profile}, what comparisons need. Stored as two values (see {@link
 * IncidentProfile} for why). Mutable: the engine loads it, changes it and writes it back within one article's
 * processing.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class IncidentState {

    /** Fields of the profile in records written before it had a table of its own. */
    private static final Set<String> INLINE_PROFILE_FIELDS = Set.of("firstDay", "lastDay", "terms", "entityWeights",
            "countries", "eventDates");

    // Concrete collection types: Jackson then rebuilds the same kinds, so iteration order (and with it every
    // decision) is the same whether the state was read from a store or kept in memory.

    String id;
    String title;
    /** Whether {@link #title} is a member's headline; a lead sentence gives way to the first headline to come. */
    boolean headlineTitle;
    /**
     * Whether {@link #title} is an English member's headline: English coverage names an incident where it has
     * any, whatever language broke the news.
     */
    boolean englishTitle;
    /** Originals per language (ingest's detection), so the incident can say which languages cover it. */
    TreeMap<String, Integer> languages = new TreeMap<>();
    long firstSeen;
    long lastUpdated;
    /** Every member in arrival order, reprints included. */
    ArrayList<String> articleIds = new ArrayList<>();
    /** Reprint member id to the member it copies. */
    LinkedHashMap<String, String> duplicates = new LinkedHashMap<>();
    /** Originals (reprints excluded) per source, in first-seen order. */
    LinkedHashMap<String, Integer> sources = new LinkedHashMap<>();
    /** Entity key to the number of originals mentioning it: what the published incident ranks. */
    TreeMap<String, Integer> entities = new TreeMap<>();
    boolean corroborated;
    /** What the members report of killed, injured, date and place; absent in state written before it existed. */
    FactLedger facts = new FactLedger();
    /** Stored apart, in the profiles table; attached when the incident is loaded. */
    @JsonIgnore
    IncidentProfile profile;
    /**
     * The profile as state written before profiles had a table of their own carried it, inline in the record:
     * read so that such state still clusters after an upgrade, and moved to the profiles table at the incident's
     * next change.
     */
    @JsonIgnore
    private Map<String, Object> inlineProfile;

    IncidentState() {
    }

    IncidentState(String id) {
        this.id = id;
        this.profile = new IncidentProfile(id);
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

    @JsonAnySetter
    private void unknownField(String name, Object value) {
        if (INLINE_PROFILE_FIELDS.contains(name)) {
            if (inlineProfile == null) {
                inlineProfile = new HashMap<>();
            }
            inlineProfile.put(name, value);
        }
    }

    /** The profile this record carried inline (state of an older version), or null. */
    IncidentProfile inlineProfile() {
        if (inlineProfile == null) {
            return null;
        }
        IncidentProfile old = new IncidentProfile(id);
        old.firstDay = number(inlineProfile.get("firstDay"));
        old.lastDay = number(inlineProfile.get("lastDay"));
        entries(inlineProfile.get("terms")).forEach((key, weight) -> old.terms().put(key, number(weight)));
        entries(inlineProfile.get("entityWeights")).forEach((key, weight) -> old.entityWeights.put(key, number(weight)));
        entries(inlineProfile.get("countries")).forEach((key, count) -> old.countries.put(key, (int) number(count)));
        entries(inlineProfile.get("eventDates")).forEach((key, count) -> old.eventDates.put(key, (int) number(count)));
        old.settle();
        return old;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entries(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
