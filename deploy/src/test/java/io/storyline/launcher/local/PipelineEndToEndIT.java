package io.storyline.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.testing.TestTopics;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The three services together on a real broker: two outlets' articles on one landslide and one article on an
 * unrelated rate decision become two incidents with the right members.
 */
class PipelineEndToEndIT {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineEndToEndIT.class.getResource("/e2e/" + name).toURI());
    }

    @Test
    void twoOutletsOnOneEventMakeOneIncidentAndAnUnrelatedArticleItsOwn() throws Exception {
        TestTopics test = TestTopics.unique("e2e");
        List<IncidentEvent> events = Collections.synchronizedList(new ArrayList<>());

        LocalRun.Result result = LocalRun.execute(test.config(Map.of(LocalRun.STALL_TIMEOUT, "PT90S")),
                List.of(resource("landslide-alpine-post.txt").toString(),
                        resource("landslide-lakeside-news.json").toString(),
                        resource("central-bank-rates.json").toString()),
                1, InputStream.nullInputStream(), events::add, null);

        assertEquals(3, result.articleIds().size(), "every input became an article");
        assertEquals(List.of(), result.deadLetters());
        List<Incident> incidents = result.incidents();
        assertEquals(2, incidents.size(), () -> "incidents: " + incidents);

        Incident landslide = incidents.stream().filter(i -> i.articleIds().size() == 2).findFirst().orElseThrow();
        assertTrue(landslide.articleIds().contains("lakeside-20250603-a9"), landslide.articleIds().toString());
        assertEquals(2, landslide.sourceCount());
        assertEquals(Set.of("alpine-post.example.ch", "lakeside-news.example.com"), Set.copyOf(landslide.sources()));
        assertEquals("2025-06-02", landslide.eventDate());

        Incident rates = incidents.stream().filter(i -> i.articleIds().size() == 1).findFirst().orElseThrow();
        assertEquals(List.of("finance-daily-20250605-rates"), rates.articleIds());

        Set<String> types = events.stream().map(IncidentEvent::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of(IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED)), types::toString);
    }
}
