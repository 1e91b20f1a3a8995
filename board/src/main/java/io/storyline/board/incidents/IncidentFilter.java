package io.storyline.board.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.article.EntityType;
import io.storyline.common.incident.Incident;
import io.storyline.common.text.Accents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a desk asks of the list, as the page's address carries it ({@code ?q=&place=&entity=&min_sources=&status=}),
 * so a filtered board can be shared. Text is compared without case or accents ("zurich" finds Zürich); every word
 * of {@code q} must occur in the title or a name, {@code place} in a place (or the incident's key-fact place where
 * the record has one), {@code entity} in any name.
 */
public record IncidentFilter(String text, String place, String entity, int minSources, String status) {

    public static final IncidentFilter ALL = new IncidentFilter("", "", "", 0, "");

    /** The filter a query string's parameters describe; a malformed value is the user's mistake, said plainly. */
    public static IncidentFilter of(Map<String, String> query) {
        String minSources = query.getOrDefault("min_sources", "").strip();
        int min = 0;
        if (!minSources.isEmpty()) {
            try {
                min = Integer.parseInt(minSources);
            } catch (NumberFormatException e) {
                min = -1;
            }
            if (min < 0) {
                throw new IllegalArgumentException("min_sources must be a whole number of sources, not '"
                        + minSources + "'");
            }
        }
        return new IncidentFilter(fold(query.get("q")), fold(query.get("place")), fold(query.get("entity")), min,
                query.getOrDefault("status", "").strip().toUpperCase(Locale.ROOT));
    }

    public boolean matches(Incident incident, JsonNode record) {
        if (incident.sourceCount() < minSources) {
            return false;
        }
        if (!status.isEmpty() && !status.equals(incident.status())) {
            return false;
        }
        List<String> names = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (Incident.RankedEntity entity : nonNull(incident.entities())) {
            names.add(fold(entity.canonical()));
            if (EntityType.LOCATION.equals(entity.type())) {
                places.add(fold(entity.canonical()));
            }
        }
        nonNull(incident.locations()).forEach(location -> places.add(fold(location.canonical())));
        record.path("key_facts").path("place").forEach(part -> places.add(fold(part.asText(""))));
        if (!place.isEmpty() && places.stream().noneMatch(p -> p.contains(place))) {
            return false;
        }
        if (!entity.isEmpty() && names.stream().noneMatch(n -> n.contains(entity))) {
            return false;
        }
        if (!text.isEmpty()) {
            String haystack = fold(incident.title()) + "\n" + String.join("\n", names) + "\n"
                    + String.join("\n", places);
            for (String word : text.split("\\s+")) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    static String fold(String value) {
        if (value == null) {
            return "";
        }
        return Accents.strip(value.strip()).toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
