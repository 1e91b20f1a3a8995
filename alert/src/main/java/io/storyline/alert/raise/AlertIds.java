package io.storyline.alert.raise;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.alert.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Alert ids: what makes two alerts the same, hashed. A once-per-incident rule's alert is the rule and the
 * incident; an every-event rule's is the rule and the event (its incident, type, article, time, and the incident
 * it names). Neither the rules file's version nor the moment of processing is part of it: an event processed again
 * (after a crash, a reset of the alert service, a rules file edited in between) raises an alert with the same id,
 * which receivers deduplicate; a rule whose conditions were edited keeps its identity, and one given a new id
 * starts afresh.
 */
final class AlertIds {

    private AlertIds() {
    }

    static String of(Rule rule, String incidentId, JsonNode event) {
        StringBuilder identity = new StringBuilder(rule.id()).append('\u0000').append(incidentId);
        if (rule.firing() == Rule.Firing.EVERY_EVENT) {
            for (String field : new String[] {"type", "article_id", "at", "duplicate_of", "merged_into"}) {
                identity.append('\u0000').append(event.path(field).asText(""));
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return "alt-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
