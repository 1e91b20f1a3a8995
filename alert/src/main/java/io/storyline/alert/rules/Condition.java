package io.storyline.alert.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One test of a rule's {@code when}; see the alert README for the file syntax of each. */
public sealed interface Condition {

    boolean test(Facts facts);

    /** Every one holds. */
    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return conditions.stream().allMatch(c -> c.test(facts));
        }
    }

    /** At least one holds. */
    record Any(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return conditions.stream().anyMatch(c -> c.test(facts));
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return !condition.test(facts);
        }
    }

    /** The event is of one of these types ({@code OPENED}, {@code CORROBORATED}...). */
    record EventType(Set<String> types) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return types.contains(facts.eventType());
        }
    }

    /** At least {@code minimum} of {@code source_count} or {@code article_count}. */
    record AtLeast(String field, int minimum) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return facts.count(field) >= minimum;
        }
    }

    /**
     * The incident names an entity: one of {@code names} (normalised; any name when empty) of {@code type} (any type
     * when null).
     */
    record EntityNamed(Set<String> names, String type) implements Condition {
        @Override
        public boolean test(Facts facts) {
            for (JsonNode entity : Facts.at(facts.incident(), List.of("entities"))) {
                boolean typeMatches = type == null || type.equals(entity.path("type").asText());
                boolean nameMatches = names.isEmpty()
                        || names.contains(Facts.normalise(entity.path("canonical").asText("")));
                if (typeMatches && nameMatches) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The incident is in one of these countries: one of its places is the country, lies in it (a place's
     * {@code country}), or its key facts place it there ({@code key_facts.place.country}).
     */
    record InCountry(Set<String> countries) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return anyNormalised(facts.incident(), countries, List.of("locations", "canonical"),
                    List.of("locations", "country"), List.of("entities", "country"),
                    List.of("key_facts", "place", "country"));
        }
    }

    /** The incident happened at one of these places: one of its places, or its key facts' city or region. */
    record AtPlace(Set<String> places) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return anyNormalised(facts.incident(), places, List.of("locations", "canonical"),
                    List.of("key_facts", "place", "city"), List.of("key_facts", "place", "region"));
        }
    }

    /** The title holds one of these words or phrases, as whole words, whatever the case. */
    record TitleHas(List<String> words, Pattern pattern) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return pattern.matcher(facts.title()).find();
        }
    }

    /** A comparison of the values at a path of the event or the incident; true when any value there passes. */
    record Field(String path, boolean onEvent, List<String> steps, FieldTest comparison) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return comparison.test(Facts.at(onEvent ? facts.event() : facts.incident(), steps));
        }
    }

    @SafeVarargs
    private static boolean anyNormalised(JsonNode incident, Set<String> wanted, List<String>... paths) {
        for (List<String> path : paths) {
            for (JsonNode value : Facts.at(incident, path)) {
                if (value.isTextual() && wanted.contains(Facts.normalise(value.asText()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
