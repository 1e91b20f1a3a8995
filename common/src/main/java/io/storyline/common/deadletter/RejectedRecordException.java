package io.storyline.common.deadletter;

/**
 * Thrown by a service's own code for input it recognises as unprocessable (no body, too large, unparsable
 * feed…). The message is the reason a person reads on {@code news.dlq}, so it says what is wrong and, where it
 * helps, what to do; the record goes to the dead-letter topic and the service carries on.
 */
public class RejectedRecordException extends RuntimeException {

    private final String reasonCode;

    /**
     * @param reasonCode short stable code for metrics and filtering ({@code body-missing}, {@code body-too-large}…)
     * @param message    the reason in words
     */
    public RejectedRecordException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public RejectedRecordException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
