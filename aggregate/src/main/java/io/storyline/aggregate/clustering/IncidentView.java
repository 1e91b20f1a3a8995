package io.storyline.aggregate.clustering;

import io.storyline.common.article.EntityType;
import io.storyline.common.incident.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The published form of an incident, built from the engine's state. */
final class IncidentView {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
    static final String MERGED = "MERGED";

    private IncidentView() {
    }

    static Incident of(IncidentState state, String status, String mergedInto, int rankedEntities) {
        List<Incident.RankedEntity> entities = ranked(state.entities, rankedEntities, false);
        List<Incident.RankedEntity> locations = ranked(state.entities, rankedEntities, true);
        List<Incident.DateCount> dates = state.profile.eventDates.entrySet().stream()
                .sorted(byCountThenKey())
                .map(e -> new Incident.DateCount(e.getKey(), e.getValue()))
                .toList();
        List<Incident.Duplicate> duplicates = state.duplicates.entrySet().stream()
                .map(e -> new Incident.Duplicate(e.getKey(), e.getValue()))
                .toList();
        return new Incident(Incident.SCHEMA_VERSION, state.id, state.title, Instant.ofEpochMilli(state.firstSeen),
                Instant.ofEpochMilli(state.lastUpdated), dates.isEmpty() ? null : dates.get(0).value(),
                state.articleIds.size(), state.sourceCount(), List.copyOf(state.sources.keySet()),
                List.copyOf(state.articleIds), duplicates, entities, locations, dates, status, mergedInto,
                state.facts.keyFacts(), languages(state));
    }

    /** The members' languages, most members first (ties by code), or null when none was detected. */
    private static List<String> languages(IncidentState state) {
        if (state.languages == null || state.languages.isEmpty()) {
            return null;
        }
        return state.languages.entrySet().stream().sorted(byCountThenKey()).map(Map.Entry::getKey).toList();
    }

    /**
     * The most widely reported names first; among names as widely reported, the types take turns (a place, a
     * person, a weapon, then the next place...), so a list of twenty is not all places when a report names many
     * towns and one missile.
     */
    private static List<Incident.RankedEntity> ranked(Map<String, Integer> counts, int limit, boolean placesOnly) {
        List<Map.Entry<String, Integer>> named = counts.entrySet().stream()
                .filter(e -> !placesOnly || EntityType.LOCATION.equals(ArticleFeatures.typeOf(e.getKey())))
                .filter(e -> isName(ArticleFeatures.nameOf(e.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        Map<String, Integer> turn = new HashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Map.Entry<String, Integer> entry : named) {
            String group = entry.getValue() + "|" + ArticleFeatures.typeOf(entry.getKey());
            turn.put(entry.getKey(), taken.merge(group, 1, Integer::sum));
        }
        List<Incident.RankedEntity> out = new ArrayList<>();
        named.stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(e -> turn.get(e.getKey()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> out.add(new Incident.RankedEntity(ArticleFeatures.nameOf(e.getKey()),
                        ArticleFeatures.typeOf(e.getKey()), e.getValue())));
        return out;
    }

    /**
     * Whether an entity is named: enrich also marks generic mentions ("a missile", "the coast guard"), which help
     * matching but tell a reader of the incident nothing; a name has a capital or a digit (Kh-101, ATACMS, Dnipro).
     */
    static boolean isName(String name) {
        return name.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    private static Comparator<Map.Entry<String, Integer>> byCountThenKey() {
        return Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    }
}
