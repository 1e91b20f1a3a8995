package io.storyline.alert.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between attempts: doubling from {@code initial} up to {@code max}, each drawn from the upper half of its
 * range ("equal jitter"), so receivers recovering from an outage are not hit by every sender at once while no
 * wait is ever near zero. A receiver's {@code Retry-After} is honoured up to {@code max}.
 */
record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    Duration after(int attempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long ceiling = initial.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(Math.max(ceiling, 1), max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }
}
