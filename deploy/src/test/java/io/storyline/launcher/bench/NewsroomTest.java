package io.storyline.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.Json;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated newsroom is reproducible, knows its incidents, and writes articles of newswire length. */
class NewsroomTest {

    static JsonNode json(Newsroom.Story story) throws Exception {
        return Json.mapper().readTree(story.json());
    }

    @Test
    void theSameSeedWritesTheSameNewsAndAnotherSeedOtherNews() {
        List<Newsroom.Story> one = new Newsroom(3).write(6, 4, 0.2);
        assertEquals(one, new Newsroom(3).write(6, 4, 0.2));
        assertNotEquals(one, new Newsroom(4).write(6, 4, 0.2));
    }

    @Test
    void everyEventIsCoveredByItsOutletsOnceEachWithIdsOfTheirOwn() throws Exception {
        List<Newsroom.Story> stories = new Newsroom(5).write(12, 5, 0.1);
        Map<String, Set<String>> incidents = Newsroom.expectedIncidents(stories);
        assertEquals(12, incidents.size());
        incidents.values().forEach(ids -> assertEquals(5, ids.size()));
        assertEquals(60, stories.stream().map(Newsroom.Story::id).distinct().count());
        for (Set<String> ids : incidents.values()) {
            Set<String> sources = stories.stream().filter(s -> ids.contains(s.id())).map(Newsroom.Story::source)
                    .collect(Collectors.toSet());
            assertEquals(5, sources.size(), "five different outlets");
        }
        List<Newsroom.Story> later = new Newsroom(5).write(12, 3, 5, 0.1);
        Set<String> earlierIds = stories.stream().map(Newsroom.Story::id).collect(Collectors.toSet());
        assertTrue(later.stream().noneMatch(s -> earlierIds.contains(s.id())), "later events, new ids");
    }

    @Test
    void aReprintCopiesAnEarlierArticleOfItsEventWordForWord() throws Exception {
        List<Newsroom.Story> stories = new Newsroom(9).write(20, 5, 0.3);
        Map<String, Newsroom.Story> byId = stories.stream().collect(Collectors.toMap(Newsroom.Story::id, s -> s));
        List<Newsroom.Story> reprints = stories.stream().filter(s -> s.duplicateOf() != null).toList();
        assertTrue(reprints.size() > 5, "a share of 0.3 reprints some");
        Set<String> seen = new HashSet<>();
        for (Newsroom.Story story : stories) {
            if (story.duplicateOf() != null) {
                Newsroom.Story original = byId.get(story.duplicateOf());
                assertTrue(seen.contains(original.id()), "the original comes first");
                assertEquals(original.event(), story.event());
                assertEquals(json(original).get("body"), json(story).get("body"));
                assertNotEquals(original.source(), story.source());
            }
            seen.add(story.id());
        }
    }

    @Test
    void briefsAreShorterCoverageOfTheSameKindOfNews() {
        List<Newsroom.Story> briefs = Newsroom.briefs(1).write(40, 4, 0.1);
        var words = briefs.stream().mapToInt(Newsroom.Story::words).summaryStatistics();
        assertTrue(words.getMin() >= 100 && words.getMax() <= 260, words.toString());
        assertEquals(40, Newsroom.expectedIncidents(briefs).size(), "one incident per event, as in full articles");
        assertEquals(briefs, Newsroom.briefs(1).write(40, 4, 0.1), "reproducible from its seed");
    }

    @Test
    void articlesHaveNewswireLengthAndArePublishedInOrderInThePast() throws Exception {
        List<Newsroom.Story> stories = new Newsroom(1).write(40, 4, 0);
        var words = stories.stream().mapToInt(Newsroom.Story::words).summaryStatistics();
        assertTrue(words.getMin() >= 200 && words.getMax() <= 500, words.toString());
        assertTrue(words.getAverage() >= 300, words.toString());
        OffsetDateTime previous = OffsetDateTime.MIN;
        for (Newsroom.Story story : stories) {
            JsonNode json = json(story);
            OffsetDateTime published = OffsetDateTime.parse(json.get("published_at").asText());
            assertTrue(!published.isBefore(previous), "in publication order");
            assertTrue(published.isBefore(OffsetDateTime.now()), "ingest refuses articles from the future");
            assertTrue(!json.get("title").asText().isBlank() && !json.get("source").asText().isBlank());
            previous = published;
        }
    }
}
