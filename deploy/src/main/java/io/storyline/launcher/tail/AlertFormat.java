package io.storyline.launcher.tail;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.alert.Alert;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One readable line per alert, for people watching a terminal. */
public final class AlertFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private AlertFormat() {
    }

    public static String alert(Alert alert) {
        JsonNode incident = alert.incident();
        JsonNode event = alert.event();
        StringBuilder line = new StringBuilder();
        line.append(alert.raisedAt() == null ? "--:--:--" : TIME.format(alert.raisedAt()));
        line.append("  ").append(alert.ruleId()).append("  ").append(alert.incidentId());
        line.append("  on ").append(event.path("type").asText("?"));
        if (incident != null) {
            int sources = incident.path("source_count").asInt();
            line.append("  [").append(sources).append(sources == 1 ? " source]" : " sources]");
        }
        String title = incident != null && incident.hasNonNull("title") ? incident.get("title").asText()
                : event.path("title").asText(null);
        line.append("  ").append(title == null || title.isBlank() ? "(untitled)" : "\u201c" + title.strip() + "\u201d");
        line.append("\n    ").append(alert.ruleDescription() == null ? "" : alert.ruleDescription() + " · ")
                .append("to ").append(String.join(", ", alert.webhooks())).append(" · ").append(alert.alertId());
        return line.toString();
    }
}
