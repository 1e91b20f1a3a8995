package io.storyline.board.incidents;

import static io.storyline.board.SampleRecords.event;
import static io.storyline.board.SampleRecords.incident;
import static io.storyline.board.SampleRecords.json;
import static io.storyline.board.SampleRecords.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.board.BoardSettings;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardStateTest {

    private static final Instant NOW = Instant.parse("2031-05-04T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Set<String> changed = new HashSet<>();

    private static BoardState board(Duration window, int maxIncidents) {
        return new BoardState(new BoardSettings(0, window, maxIncidents, 10, 2), CLOCK);
    }

    private static Incident flood(String id, Instant lastUpdated, List<String> articles, List<String> sources) {
        return incident(id, "River Vell floods the lower town of Marrow", lastUpdated, articles, sources, List.of(),
                List.of(name("Marrow", "LOCATION"), name("Ines Tallow", "PERSON")));
    }

    private static List<String> listed(BoardState state, IncidentFilter filter) {
        List<String> ids = new ArrayList<>();
        state.page(filter, 100).get("incidents").forEach(row -> ids.add(row.get("incident_id").asText()));
        return ids;
    }

    @Test
    void listsNewestActivityFirstAndKeepsFieldsItDoesNotKnow() {
        BoardState state = board(Duration.ofDays(7), 100);
        state.applyIncident("a", json(flood("a", NOW.minusSeconds(600), List.of("a1"), List.of("s1")), n -> { }),
                changed);
        state.applyIncident("b", json(flood("b", NOW.minusSeconds(60), List.of("b1"), List.of("s1")),
                n -> n.putObject("key_facts").put("killed", 2)), changed);
        assertEquals(List.of("b", "a"), listed(state, IncidentFilter.ALL));
        JsonNode row = state.row("b", IncidentFilter.ALL);
        assertEquals(2, row.path("key_facts").path("killed").asInt(), "a field added later reaches the page");
        assertTrue(row.path("article_ids").isMissingNode(), "rows leave member lists to the incident page");
        assertEquals(Set.of("a", "b"), changed);

        state.applyEvent("a", json(event(IncidentEventType.ARTICLE_ADDED, "a", "a2", NOW, "s2", "More rain", null,
                null, 2)), changed);
        assertEquals(List.of("a", "b"), listed(state, IncidentFilter.ALL), "news moves an incident to the top");
    }

    @Test
    void membersComeFromTheEventsWithReprintsUnderTheirOriginal() {
        BoardState state = board(Duration.ofDays(7), 100);
        state.applyEvent("f", json(event(IncidentEventType.OPENED, "f", "orig", NOW, "valley-post.example",
                "Floods reach Marrow", null, null, 1)), changed);
        state.applyEvent("f", json(event(IncidentEventType.DUPLICATE_SEEN, "f", "copy", NOW, "syndicate.example",
                "Floods reach Marrow", "orig", null, 1)), changed);
        state.applyEvent("f", json(event(IncidentEventType.ARTICLE_ADDED, "f", "second", NOW, "river-news.example",
                "Marrow evacuates its lower town", null, null, 2)), changed);
        assertNull(state.detail("f"), "nothing to show before the incident's record");
        state.applyIncident("f", json(incident("f", "Floods reach Marrow", NOW, List.of("orig", "copy", "second"),
                List.of("valley-post.example", "river-news.example"), List.of(new Incident.Duplicate("copy", "orig")),
                List.of(name("Marrow", "LOCATION"))), n -> { }), changed);

        ObjectNode detail = state.detail("f");
        JsonNode members = detail.get("members");
        assertEquals(2, members.size(), "two originals");
        assertEquals("orig", members.get(0).get("article_id").asText());
        assertEquals("Floods reach Marrow", members.get(0).get("title").asText());
        assertEquals("https://valley-post.example/orig", members.get(0).get("url").asText());
        assertEquals("copy", members.get(0).get("reprints").get(0).get("article_id").asText());
        assertEquals("second", members.get(1).get("article_id").asText());
        assertEquals(List.of("OPENED", "DUPLICATE_SEEN", "ARTICLE_ADDED"), types(detail));
    }

    private static List<String> types(JsonNode detail) {
        List<String> out = new ArrayList<>();
        detail.get("timeline").forEach(entry -> out.add(entry.get("type").asText()));
        return out;
    }

    @Test
    void aMergedIncidentLeadsToItsSurvivorWhicheverRecordComesFirst() {
        for (boolean eventFirst : new boolean[] {true, false}) {
            BoardState state = board(Duration.ofDays(7), 100);
            state.applyIncident("old", json(flood("old", NOW, List.of("o1"), List.of("s1")), n -> { }), changed);
            state.applyIncident("new", json(flood("new", NOW, List.of("n1"), List.of("s2")), n -> { }), changed);
            state.applyEvent("new", json(event(IncidentEventType.OPENED, "new", "n1", NOW, "s2", "Second report",
                    null, null, 1)), changed);
            Incident merged = flood("new", NOW, List.of("n1"), List.of("s2"));
            byte[] mergedRecord = json(new Incident(merged.schemaVersion(), "new", merged.title(), merged.firstSeen(),
                    merged.lastUpdated(), merged.eventDate(), 1, 1, merged.sources(), merged.articleIds(), List.of(),
                    merged.entities(), merged.locations(), merged.dates(), "MERGED", "old"));
            byte[] mergedEvent = json(event(IncidentEventType.MERGED, "new", "n2", NOW, "s3", "Third", null, "old",
                    2));
            if (eventFirst) {
                state.applyEvent("new", mergedEvent, changed);
                state.applyIncident("new", mergedRecord, changed);
            } else {
                state.applyIncident("new", mergedRecord, changed);
                state.applyEvent("new", mergedEvent, changed);
            }
            state.applyIncident("new", null, changed);
            assertEquals("old", state.survivorOf("new"));
            assertEquals(List.of("old"), listed(state, IncidentFilter.ALL));
            JsonNode detail = state.detail("old");
            List<String> members = new ArrayList<>();
            detail.get("members").forEach(m -> members.add(m.get("article_id").asText() + ":" + m.get("described")));
            assertEquals(List.of("o1:false", "n1:true"), members, "the merged incident's members moved to its survivor");
            assertEquals(List.of("new"), List.of(detail.get("merged_from").get(0).asText()));
            assertEquals(List.of("MERGED"), types(detail), "once, whichever came first");
        }
    }

    @Test
    void aRestartThatReadsTheRecordsBeforeTheEventsBuildsTheSameBoard() {
        BoardState state = board(Duration.ofDays(7), 100);
        Incident merged = flood("new", NOW, List.of("n1"), List.of("s2"));
        state.applyIncident("old", json(flood("old", NOW, List.of("o1", "o2"), List.of("s1", "s3")), n -> { }),
                changed);
        state.applyIncident("new", json(new Incident(merged.schemaVersion(), "new", merged.title(),
                merged.firstSeen(), merged.lastUpdated(), merged.eventDate(), 1, 1, merged.sources(),
                merged.articleIds(), List.of(), merged.entities(), merged.locations(), merged.dates(), "MERGED",
                "old")), changed);
        state.applyIncident("new", null, changed);
        state.applyEvent("old", json(event(IncidentEventType.OPENED, "old", "o1", NOW, "s1", "First", null, null,
                1)), changed);
        state.applyEvent("new", json(event(IncidentEventType.OPENED, "new", "n1", NOW, "s2", "Second", null, null,
                1)), changed);
        state.applyEvent("new", json(event(IncidentEventType.MERGED, "new", "o2", NOW, "s3", "Third", null, "old",
                2)), changed);
        state.evict(changed);
        assertEquals(List.of("old"), listed(state, IncidentFilter.ALL));
        assertEquals(List.of("old"), listed(state, filter(Map.of("place", "marrow"))));
    }

    @Test
    void staysWithinItsWindowAndItsCount() {
        BoardState state = board(Duration.ofDays(1), 3);
        for (int i = 0; i < 6; i++) {
            state.applyIncident("i" + i, json(flood("i" + i, NOW.minus(Duration.ofHours(i * 5L)), List.of("a" + i),
                    List.of("s")), n -> { }), changed);
        }
        state.evict(changed);
        assertEquals(List.of("i0", "i1", "i2"), listed(state, IncidentFilter.ALL), "the three most recent");
        BoardState windowed = board(Duration.ofHours(12), 100);
        for (int i = 0; i < 6; i++) {
            windowed.applyIncident("i" + i, json(flood("i" + i, NOW.minus(Duration.ofHours(i * 5L)),
                    List.of("a" + i), List.of("s")), n -> { }), changed);
        }
        windowed.evict(changed);
        assertEquals(List.of("i0", "i1", "i2"), listed(windowed, IncidentFilter.ALL), "active within 12 hours");
        assertEquals(3, windowed.size());
    }

    @Test
    void unreadableRecordsAreCountedAndSkipped() {
        BoardState state = board(Duration.ofDays(7), 100);
        state.applyIncident("x", "not json".getBytes(StandardCharsets.UTF_8), changed);
        state.applyIncident("y", json(flood("y", NOW, List.of("a"), List.of("s")), n -> n.put("schema_version", 9)),
                changed);
        assertNull(state.applyEvent("z", "{\"type\":\"OPENED\"}".getBytes(StandardCharsets.UTF_8), changed));
        assertEquals(3, state.unreadable());
        assertEquals(0, state.size());
        assertTrue(changed.isEmpty());
    }

    @Test
    void filtersByTextPlaceNameSourcesAndStatusIgnoringCaseAndAccents() {
        BoardState state = board(Duration.ofDays(7), 100);
        state.applyIncident("q", json(incident("q", "Tremor shakes Zürich suburbs", NOW, List.of("a", "b"),
                List.of("s1", "s2"), List.of(), List.of(name("Zürich", "LOCATION"), name("Kh-101", "WEAPON"))),
                n -> n.putObject("key_facts").putObject("place").put("country", "Switzerland")), changed);
        state.applyIncident("f", json(flood("f", NOW.minusSeconds(5), List.of("c"), List.of("s3")), n -> { }),
                changed);
        assertEquals(List.of("q"), listed(state, filter(Map.of("q", "zurich tremor"))));
        assertEquals(List.of("q"), listed(state, filter(Map.of("place", "switzer"))), "the key-fact place counts");
        assertEquals(List.of("f"), listed(state, filter(Map.of("place", "marrow"))));
        assertEquals(List.of("q"), listed(state, filter(Map.of("entity", "kh-101"))));
        assertEquals(List.of("q"), listed(state, filter(Map.of("min_sources", "2"))));
        assertEquals(List.of(), listed(state, filter(Map.of("status", "closed"))));
        assertEquals(List.of("q", "f"), listed(state, filter(Map.of("status", "open"))));
        assertFalse(listed(state, filter(Map.of("q", "zurich flood"))).contains("q"), "every word must occur");
    }

    private static IncidentFilter filter(Map<String, String> query) {
        return IncidentFilter.of(query);
    }

    @Test
    void aMalformedFilterIsTheUsersMistakeSaidPlainly() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IncidentFilter.of(Map.of("min_sources", "two")));
        assertEquals("min_sources must be a whole number of sources, not 'two'", e.getMessage());
    }
}
