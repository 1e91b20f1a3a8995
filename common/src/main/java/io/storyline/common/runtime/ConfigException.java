package io.storyline.common.runtime;

/** A user's configuration mistake; its message is one line meant for the person who made it. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
