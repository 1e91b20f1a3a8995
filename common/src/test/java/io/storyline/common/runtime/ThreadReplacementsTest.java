package io.storyline.common.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aFailureThatKeepsComingBackExhaustsTheBudgetAndAQuietWindowRestoresIt() {
        ThreadReplacements replacements = new ThreadReplacements(3, Duration.ofMinutes(10), clock);
        assertTrue(replacements.tryReplace());
        assertTrue(replacements.tryReplace());
        assertTrue(replacements.tryReplace());
        assertFalse(replacements.tryReplace(), "a fourth failure within ten minutes is not transient");
        now = now.plus(Duration.ofMinutes(11));
        assertTrue(replacements.tryReplace(), "old replacements leave the window");
    }
}
