package io.storyline.common.json;

/** A record that decoded as JSON but does not satisfy its contract (a required field missing, say). */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRecordException(message);
        }
    }

    public static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), "required field '" + field + "' is missing or empty");
    }
}
