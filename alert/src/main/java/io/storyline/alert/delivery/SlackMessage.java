package io.storyline.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.alert.Alert;
import io.storyline.common.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as a Slack incoming-webhook message ({@code text} in Slack's mrkdwn), which Slack-compatible chat
 * services (Mattermost, Rocket.Chat, Discord's /slack endpoint) accept too.
 */
final class SlackMessage {

    private static final int MAX_ENTITIES = 5;

    private SlackMessage() {
    }

    static byte[] of(Alert alert) {
        JsonNode incident = alert.incident() == null ? Json.mapper().createObjectNode() : alert.incident();
        JsonNode event = alert.event();
        String title = incident.path("title").asText(event.path("title").asText("(untitled)"));
        StringBuilder text = new StringBuilder();
        text.append(":rotating_light: *").append(escape(alert.ruleDescription() != null ? alert.ruleDescription()
                : alert.ruleId())).append("*\n");
        text.append('*').append(escape(title)).append("*\n");
        int sources = incident.path("source_count").asInt(event.path("source_count").asInt(0));
        int articles = incident.path("article_count").asInt(event.path("article_count").asInt(0));
        text.append(event.path("type").asText()).append(" · ").append(sources).append(sources == 1 ? " source" : " sources")
                .append(", ").append(articles).append(articles == 1 ? " article" : " articles");
        List<String> names = new ArrayList<>();
        for (JsonNode entity : incident.path("entities")) {
            if (names.size() < MAX_ENTITIES) {
                names.add(entity.path("canonical").asText());
            }
        }
        if (!names.isEmpty()) {
            text.append(" · ").append(escape(String.join(", ", names)));
        }
        if (incident.hasNonNull("event_date")) {
            text.append(" · ").append(incident.get("event_date").asText());
        }
        text.append("\nincident `").append(alert.incidentId()).append("` · alert `").append(alert.alertId()).append('`');
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("text", text.toString());
        message.put("unfurl_links", false);
        try {
            return Json.mapper().writeValueAsBytes(message);
        } catch (Exception e) {
            throw new IllegalStateException("a text message always serialises", e);
        }
    }

    /** Slack's three control characters. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
