package io.storyline.launcher;

/** A mistake of the person at the command line; the launcher prints the message as one line and exits 2. */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
