package io.storyline.launcher.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.launcher.Main;
import io.storyline.launcher.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LetterFilterTest {

    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");

    @Test
    void sinceIsAnInstantADayOrATimeAgo() {
        assertEquals(Instant.parse("2025-06-01T06:30:00Z"), LetterFilter.parseSince("2025-06-01T06:30:00Z", NOW));
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), LetterFilter.parseSince("2025-06-01", NOW));
        assertEquals(Instant.parse("2025-06-02T06:00:00Z"), LetterFilter.parseSince("6h", NOW));
        assertEquals(Instant.parse("2025-05-31T12:00:00Z"), LetterFilter.parseSince("2d", NOW));
        assertEquals(Instant.parse("2025-06-02T10:30:00Z"), LetterFilter.parseSince("90m", NOW));
        assertEquals(Instant.parse("2025-05-26T12:00:00Z"), LetterFilter.parseSince("1w", NOW));
        assertEquals(Instant.parse("2025-06-02T06:00:00Z"), LetterFilter.parseSince("PT6H", NOW));
    }

    @Test
    void aSinceThatIsNoneOfThoseIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> LetterFilter.parseSince("yesterday", NOW));
        assertTrue(e.getMessage().startsWith("--since yesterday is neither an instant"), e.getMessage());
    }

    @Test
    void replayWithoutAReasonOrWithABadSinceIsOneLineAndExitCodeTwo() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("dlq", "replay", "--bootstrap-server", "localhost:1"));
            assertEquals(2, Main.execute("dlq", "--since", "soon", "--bootstrap-server", "localhost:1"));
            assertEquals(2, Main.execute("dlq", "--bootstrap-server"));
        } finally {
            System.setErr(original);
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("storyline: dlq replay needs --reason CODE"), lines[0]);
        assertTrue(lines[1].startsWith("storyline: --since soon is neither"), lines[1]);
        assertTrue(lines[2].startsWith("storyline: Missing required parameter"), lines[2]);
    }
}
