package io.storyline.aggregate.ordering;

/**
 * How far one input partition has come: the latest record time it delivered, and whether it has gone idle.
 */
public record Watermark(long timestamp, boolean idle) {

    /** Whether nothing earlier than or as early as {@code timestamp} can still come from this partition. */
    boolean passed(long timestamp) {
        return idle || this.timestamp > timestamp;
    }
}
