package io.storyline.alert.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a rule is evaluated on: an incident event and the incident after it, both as the JSON they were read as,
 * so a condition can test fields that a newer aggregate adds without a change here.
 *
 * @param event    the event, as on {@code news.incident-events}
 * @param incident the incident after the event, as on {@code news.incidents}; a missing node when none is known
 */
public record Facts(JsonNode event, JsonNode incident) {

    public Facts {
        incident = incident == null || incident.isNull() ? MissingNode.getInstance() : incident;
    }

    String eventType() {
        return event.path("type").asText("");
    }

    /** The incident's count where it is known, else the event's (which says the count after the change too). */
    int count(String field) {
        JsonNode value = incident.path(field);
        return value.isNumber() ? value.asInt() : event.path(field).asInt(0);
    }

    String title() {
        String title = incident.path("title").asText(null);
        return title != null ? title : event.path("title").asText("");
    }

    /** The values at {@code path} below {@code root}: where a step meets an array, every element is followed. */
    static List<JsonNode> at(JsonNode root, List<String> path) {
        List<JsonNode> current = List.of(root);
        for (String step : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (node.isArray()) {
                    node.forEach(element -> addChild(element, step, next));
                } else {
                    addChild(node, step, next);
                }
            }
            current = next;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : current) {
            if (node.isArray()) {
                node.forEach(out::add);
            } else {
                out.add(node);
            }
        }
        return out;
    }

    private static void addChild(JsonNode node, String step, List<JsonNode> out) {
        JsonNode child = node.get(step);
        if (child != null && !child.isNull()) {
            out.add(child);
        }
    }

    /** Names compared the way a reader would: case, accents and surrounding space do not matter. */
    static String normalise(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
