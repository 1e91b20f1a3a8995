package io.storyline.alert.raise;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.incident.IncidentEventType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Which record of an incident shows the change an event reports. Aggregate writes an event and then the incident
 * record after the change, to two topics; the alert service may read either first. An event is evaluated with the
 * <em>first</em> record (in the incident's order) that shows its change, so the snapshot in an alert is the same
 * whatever order the two topics were read in.
 *
 * <p>A record shows an event's change when it holds at least the event's article count and has the status a
 * {@code MERGED} or {@code CLOSED} event leaves; for the changes an article makes, it is also not older than the
 * event and holds the article.
 */
final class Snapshots {

    private static final List<String> CAUSED_BY_ARTICLE = List.of(IncidentEventType.OPENED,
            IncidentEventType.ARTICLE_ADDED, IncidentEventType.ARTICLE_UPDATED, IncidentEventType.DUPLICATE_SEEN,
            IncidentEventType.CORROBORATED);

    private Snapshots() {
    }

    /** Index of the first of {@code versions} (oldest first) that shows {@code event}'s change, or -1. */
    static int firstShowing(List<JsonNode> versions, JsonNode event) {
        for (int i = 0; i < versions.size(); i++) {
            if (shows(versions.get(i), event)) {
                return i;
            }
        }
        return -1;
    }

    static boolean shows(JsonNode incident, JsonNode event) {
        String type = event.path("type").asText();
        String status = incident.path("status").asText("");
        if (type.equals(IncidentEventType.MERGED) && !status.equals("MERGED")
                || type.equals(IncidentEventType.CLOSED) && !status.equals("CLOSED")) {
            return false;
        }
        JsonNode articles = event.path("article_count");
        if (articles.isNumber() && incident.path("article_count").asInt(0) < articles.asInt()) {
            return false;
        }
        if (!CAUSED_BY_ARTICLE.contains(type)) {
            return true;
        }
        // The merged-away incident never took the merging article, so these hold only for changes an article made.
        Instant at = instant(event.path("at"));
        Instant updated = instant(incident.path("last_updated"));
        if (at != null && updated != null && updated.isBefore(at)) {
            return false;
        }
        String articleId = event.path("article_id").asText(null);
        if (articleId != null) {
            for (JsonNode member : incident.path("article_ids")) {
                if (member.asText().equals(articleId)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
