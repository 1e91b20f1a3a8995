package io.storyline.common.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many stream threads a service may replace before it gives up. A thread that dies of a broker-side failure
 * (a transaction the restarted broker no longer knows, a commit that timed out) is replaced: under exactly-once the
 * new thread aborts what was open and resumes from the committed offsets, so nothing is lost or written twice.
 * A failure that keeps coming back is not transient: past {@code limit} replacements within {@code window} the
 * client shuts down and the process exits non-zero for its platform to restart it.
 */
final class ThreadReplacements {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    ThreadReplacements(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether one more replacement is within the budget; counts it when it is. */
    synchronized boolean tryReplace() {
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= limit) {
            return false;
        }
        recent.addLast(now);
        return true;
    }
}
