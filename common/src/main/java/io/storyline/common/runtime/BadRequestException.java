package io.storyline.common.runtime;

/**
 * A request an HTTP route cannot answer because of what the client sent (a parameter that is not a date, a limit
 * below one…). The server answers 400 with the message as the reason, so it says what is wrong and how to ask.
 */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
