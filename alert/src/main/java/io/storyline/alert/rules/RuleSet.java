package io.storyline.alert.rules;

import java.util.List;
import java.util.Map;

/**
 * One valid version of the rules file.
 *
 * @param version a hash of the file's content: written into every alert, for audit
 */
public record RuleSet(List<Rule> rules, Map<String, Webhook> webhooks, String version) {

    public RuleSet {
        rules = List.copyOf(rules);
        webhooks = Map.copyOf(webhooks);
    }
}
