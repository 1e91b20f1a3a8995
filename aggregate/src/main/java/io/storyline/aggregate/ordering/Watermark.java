package io.storyline.aggregate.ordering;

/**
 * How far one input partition has come: the latest record time it delivered ({@link Long#MIN_VALUE} before its
 * first article), and whether it has gone idle.
 */
public record Watermark(long timestamp, boolean idle) {
}
