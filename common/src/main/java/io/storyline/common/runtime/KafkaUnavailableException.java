package io.storyline.common.runtime;

/** The Kafka cluster could not be reached or refused a request; the message is one line for an operator. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
