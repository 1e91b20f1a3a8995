package io.storyline.deploy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.ServiceRuntime;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Scaling out while running, on the real broker: one instance of each service takes the first half of the
 * articles; then a second enrich and a second aggregate join and the rest arrives. Every article must be
 * processed exactly once (once on news.articles and news.enriched, once in the incidents) and the incidents must
 * equal those of the same input through one instance of each service.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 4;

    /** Twelve articles of our own, on four unrelated events, three outlets each; id to raw JSON, in order. */
    static Map<String, String> articles() throws Exception {
        Map<String, String> articles = new LinkedHashMap<>();
        try (InputStream in = ScaleOutIT.class.getResourceAsStream("/ops/scale-out-articles.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                articles.put(Json.mapper().readTree(line).get("id").asText(), line);
            }
        }
        return articles;
    }

    static Map<String, String> half(Map<String, String> articles, boolean first) {
        Map<String, String> half = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(articles.keySet());
        int middle = ids.size() / 2;
        (first ? ids.subList(0, middle) : ids.subList(middle, ids.size()))
                .forEach(id -> half.put(id, articles.get(id)));
        return half;
    }

    /** What two runs must agree on: each incident's members and sources. */
    record IncidentShape(Set<String> articleIds, Set<String> sources) {
        static IncidentShape of(Incident incident) {
            return new IncidentShape(new TreeSet<>(incident.articleIds()), new TreeSet<>(incident.sources()));
        }
    }

    static Set<IncidentShape> shapes(Map<String, Incident> incidents) {
        return incidents.values().stream().map(IncidentShape::of).collect(Collectors.toSet());
    }

    /** Every article is a member of exactly one live incident, and listed there once. */
    static void assertEachArticleOnce(Map<String, Incident> incidents, Set<String> articleIds) {
        Map<String, Integer> memberships = new HashMap<>();
        for (Incident incident : incidents.values()) {
            assertEquals(incident.articleIds().size(), Set.copyOf(incident.articleIds()).size(),
                    "an article listed twice in " + incident.incidentId() + ": " + incident.articleIds());
            incident.articleIds().forEach(id -> memberships.merge(id, 1, Integer::sum));
        }
        assertEquals(articleIds, memberships.keySet(), "exactly the input articles are in incidents");
        memberships.forEach((id, count) -> assertEquals(1, count, id + " is in " + count + " incidents"));
    }

    static void assertWrittenOnce(Pipeline pipeline, String topic, Set<String> articleIds) {
        Map<String, Long> counts = pipeline.committedKeys(topic).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(articleIds, counts.keySet(), topic);
        counts.forEach((id, count) -> assertEquals(1L, count, id + " written " + count + " times to " + topic));
    }

    static int activeTasks(ServiceRuntime runtime) {
        return runtime.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    @Test
    void secondInstancesJoiningMidStreamChangeNothingButWhoDoesTheWork() throws Exception {
        Map<String, String> articles = articles();
        Set<String> ids = articles.keySet();
        Set<Integer> secondHalfPartitions = half(articles, false).keySet().stream()
                .map(id -> Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS)
                .collect(Collectors.toSet());
        assertEquals(PARTITIONS, secondHalfPartitions.size(),
                "the second half must reach every partition of news.articles, so both enrich instances get work");

        Set<IncidentShape> single;
        try (Pipeline pipeline = new Pipeline("single", PARTITIONS)) {
            for (String service : Deployables.SERVICES) {
                pipeline.start(service);
            }
            pipeline.publish(half(articles, true));
            pipeline.awaitIncidentsHolding(half(articles, true).keySet());
            pipeline.publish(half(articles, false));
            Map<String, Incident> incidents = pipeline.awaitIncidentsHolding(ids);
            assertEachArticleOnce(incidents, ids);
            single = shapes(incidents);
        }

        try (Pipeline pipeline = new Pipeline("scaled", PARTITIONS)) {
            for (String service : Deployables.SERVICES) {
                pipeline.start(service);
            }
            pipeline.publish(half(articles, true));
            pipeline.awaitIncidentsHolding(half(articles, true).keySet());

            ServiceRuntime secondEnrich = pipeline.start("enrich");
            ServiceRuntime secondAggregate = pipeline.start("aggregate");
            pipeline.awaitReady(secondEnrich);
            pipeline.awaitReady(secondAggregate);
            pipeline.publish(half(articles, false));
            Map<String, Incident> incidents = pipeline.awaitIncidentsHolding(ids);

            assertEachArticleOnce(incidents, ids);
            assertWrittenOnce(pipeline, pipeline.topics().articles().name(), ids);
            assertWrittenOnce(pipeline, pipeline.topics().enriched().name(), ids);
            assertEquals(single, shapes(incidents), "the incidents of the scaled run equal the single run's");

            assertTrue(activeTasks(secondEnrich) > 0, "the second enrich took partitions");
            assertTrue(activeTasks(secondAggregate) > 0, "the second aggregate took tasks");
            // The second half reaches every partition, so whichever the second enrich owns, it enriched some.
            assertTrue(pipeline.metric(secondEnrich, "storyline_records_in_total",
                    "topic=\"" + pipeline.topics().articles().name() + "\"") > 0, "the second enrich did work");
        }
    }
}
