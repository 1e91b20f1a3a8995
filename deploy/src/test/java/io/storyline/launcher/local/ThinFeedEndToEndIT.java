package io.storyline.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.incident.Incident;
import io.storyline.common.testing.TestTopics;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A wire feed of the shapes that used to be lost, through the whole pipeline on a real broker: a title-only item,
 * a title with a one-sentence description, and a market report whose price ranges ("the high $3.40s") once made the
 * date tagger fail. Every item reaches an incident and nothing is dead-lettered.
 */
class ThinFeedEndToEndIT {

    @Test
    void everyItemOfAThinWireFeedReachesAnIncidentAndNoneIsDeadLettered() throws Exception {
        TestTopics test = TestTopics.unique("thin-feed");
        LocalRun.Result result = LocalRun.execute(test.config(Map.of(LocalRun.STALL_TIMEOUT, "PT90S")),
                List.of(feed().toString()), 1,
                InputStream.nullInputStream(), event -> { }, null);

        assertEquals(3, result.articleIds().size(), "every item is an article");
        assertEquals(List.of(), result.deadLetters());
        Set<String> placed = new HashSet<>();
        for (Incident incident : result.incidents()) {
            placed.addAll(incident.articleIds());
        }
        assertEquals(result.articleIds(), placed, "every article is in an incident");
        assertTrue(result.incidents().stream().anyMatch(i -> i.title().startsWith("Police investigate after shooting")),
                "the title-only item opened its own incident: " + result.incidents());
    }

    /** Apart from the /e2e files, which other tests run as one input with a known number of incidents. */
    private static Path feed() throws URISyntaxException {
        return Path.of(ThinFeedEndToEndIT.class.getResource("/thin-feed/wire-thin-items.xml").toURI());
    }
}
