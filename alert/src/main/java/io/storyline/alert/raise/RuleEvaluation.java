package io.storyline.alert.raise;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.alert.rules.Facts;
import io.storyline.alert.rules.Rule;
import io.storyline.alert.rules.RuleSet;
import io.storyline.common.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The alerts one event raises under a rule set: every matching rule, in file order, once-per-incident rules once. */
final class RuleEvaluation {

    private RuleEvaluation() {
    }

    /**
     * @param incident the incident after the event, or null when none is known
     * @param fired    once-per-incident rules that already fired for this incident; the ones firing now are added
     * @param raisedAt the event's time
     */
    static List<Alert> alerts(RuleSet rules, String incidentId, JsonNode event, JsonNode incident, Set<String> fired,
                              Instant raisedAt) {
        Facts facts = new Facts(event, incident);
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            boolean once = rule.firing() == Rule.Firing.ONCE_PER_INCIDENT;
            if (once && fired.contains(rule.id()) || !rule.when().test(facts)) {
                continue;
            }
            if (once) {
                fired.add(rule.id());
            }
            alerts.add(new Alert(Alert.SCHEMA_VERSION, AlertIds.of(rule, incidentId, event), rule.id(),
                    rule.description(), rules.version(), incidentId, raisedAt, rule.webhooks(), event,
                    incident == null || incident.isMissingNode() ? null : incident));
        }
        return alerts;
    }
}
