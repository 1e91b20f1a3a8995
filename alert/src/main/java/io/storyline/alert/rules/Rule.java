package io.storyline.alert.rules;

import java.util.List;

/**
 * One rule of the rules file.
 *
 * @param id          its identity: alerts it raised keep their ids however its conditions change; a new id starts
 *                    afresh
 * @param description for people, carried into the alert
 * @param when        what must hold of an event and its incident
 * @param webhooks    names of the webhooks its alerts go to
 * @param firing      once per incident (the default) or on every matching event
 */
public record Rule(String id, String description, Condition when, List<String> webhooks, Firing firing) {

    public enum Firing {
        /** The first event of an incident that matches raises the alert; later ones do not. */
        ONCE_PER_INCIDENT("once_per_incident"),
        /** Every matching event raises an alert of its own. */
        EVERY_EVENT("every_event");

        private final String text;

        Firing(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
