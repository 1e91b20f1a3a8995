package io.storyline.common.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import io.storyline.common.testing.ManualClock;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aFailureThatKeepsComingBackExhaustsTheBudgetAndAQuietWindowRestoresIt() {
        ThreadReplacements replacements = new ThreadReplacements(3, Duration.ofMinutes(10), clock);
        assertTrue(replacements.tryReplace());
        assertTrue(replacements.tryReplace());
        assertTrue(replacements.tryReplace());
        assertFalse(replacements.tryReplace(), "a fourth failure within ten minutes is not transient");
        clock.advance(Duration.ofMinutes(11));
        assertTrue(replacements.tryReplace(), "old replacements leave the window");
    }
}
