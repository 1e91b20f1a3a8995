package io.storyline.alert.delivery;

import io.storyline.common.alert.Alert;
import java.time.Instant;

/** One alert on its way to one webhook, and how its attempts went; touched by the delivery loop's thread only. */
final class Delivery {

    final PartitionProgress partition;
    final long offset;
    final long timestamp;
    final byte[] key;
    final byte[] value;
    /** Null for a record that could not be read as an alert. */
    final Alert alert;
    final String webhook;
    int attempts;
    Instant firstAttempt;
    Instant nextAttempt = Instant.EPOCH;
    boolean inFlight;
    /** Being written to the dead-letter topic. */
    boolean deadLettering;
    String lastAnswer;
    /** Set once retrying is over: the reason code to dead-letter it with, and why. */
    String giveUpReason;
    String giveUpMessage;

    Delivery(PartitionProgress partition, long offset, long timestamp, byte[] key, byte[] value, Alert alert,
             String webhook) {
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.alert = alert;
        this.webhook = webhook;
    }

    String lane() {
        return webhook + '\u0000' + (alert == null ? "" : alert.incidentId());
    }
}
