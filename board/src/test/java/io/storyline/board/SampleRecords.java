package io.storyline.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Incident records and events as aggregate writes them, about invented events, for the board's tests. */
public final class SampleRecords {

    private SampleRecords() {
    }

    /** An open incident of {@code articles} (the first article's source first), with its names. */
    public static Incident incident(String id, String title, Instant lastUpdated, List<String> articles,
                                    List<String> sources, List<Incident.Duplicate> duplicates,
                                    List<Incident.RankedEntity> entities) {
        List<Incident.RankedEntity> places = entities.stream().filter(e -> e.type().equals("LOCATION")).toList();
        return new Incident(Incident.SCHEMA_VERSION, id, title, lastUpdated.minusSeconds(60), lastUpdated,
                "2031-05-04", articles.size(), sources.size(), sources, articles, duplicates, entities, places,
                List.of(new Incident.DateCount("2031-05-04", articles.size())), "OPEN", null);
    }

    public static Incident.RankedEntity name(String canonical, String type) {
        return new Incident.RankedEntity(canonical, type, 1);
    }

    /** The record's JSON, with {@code extra} applied to it (a field added by a newer aggregate, say). */
    public static byte[] json(Incident incident, Consumer<ObjectNode> extra) {
        ObjectNode node = Json.mapper().valueToTree(incident);
        extra.accept(node);
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] json(Object record) {
        try {
            return Json.mapper().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IncidentEvent event(String type, String incidentId, String articleId, Instant at, String source,
                                      String headline, String duplicateOf, String mergedInto, int sources) {
        return new IncidentEvent(IncidentEvent.SCHEMA_VERSION, type, incidentId, articleId, at, "incident title",
                source, duplicateOf, mergedInto, null, sources, articleId == null ? null
                : new IncidentEvent.ArticleSummary(headline, "https://" + source + "/" + articleId, "2031-05-04"),
                null, null);
    }

    public static List<String> ids(String... ids) {
        return new ArrayList<>(List.of(ids));
    }
}
