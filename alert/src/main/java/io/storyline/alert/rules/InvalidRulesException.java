package io.storyline.alert.rules;

import io.storyline.common.runtime.ConfigException;
import java.util.List;

/** A rules file with mistakes: the message holds one line per mistake. */
public class InvalidRulesException extends ConfigException {

    private final List<String> mistakes;

    public InvalidRulesException(String file, List<String> mistakes) {
        super("the rules file " + file + " has " + mistakes.size() + (mistakes.size() == 1 ? " mistake" : " mistakes")
                + ":\n  " + String.join("\n  ", mistakes));
        this.mistakes = List.copyOf(mistakes);
    }

    public List<String> mistakes() {
        return mistakes;
    }
}
