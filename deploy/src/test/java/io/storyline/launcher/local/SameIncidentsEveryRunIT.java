package io.storyline.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.incident.Incident;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.testing.TestTopics;
import io.storyline.launcher.bench.ChildJvm;
import io.storyline.launcher.bench.Newsroom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same incidents, on the real broker: a replay of 2,000 invented articles through the whole pipeline
 * ({@link LocalRun}, as {@code ./storyline run --embedded} runs it) three times with one instance of each service
 * on three partitions, and three times with three instances on six partitions, with another process keeping both
 * cores busy during one run of each (a loaded run takes about four times as long on two cores: one of each keeps
 * the test within CI's time). Every run must give the same incidents, with the same members joined in the
 * same order (an incident lists its articles in the order they joined it, so a different clustering order shows
 * even where it leaves the memberships alone). Slow (the articles are enriched six times): tag {@code replay},
 * run by {@code ./mvnw verify -Preplay}.
 */
@Tag("replay")
class SameIncidentsEveryRunIT {

    /**
     * 500 events, four outlets each, one article in ten a reprint: 2,000 articles, two events a day. Briefs (some
     * 170 words) rather than full-length articles: enriching is nearly all of this test's time, and what it checks is
     * the clustering order under parallelism and load, which the length of the texts does not change.
     */
    static final List<Newsroom.Story> STORIES = Newsroom.briefs(2026).write(500, 4, 0.1);

    record Run(String setup, Map<String, List<String>> incidents, Duration elapsed) {
    }

    @Test
    void everyRunAtAnyNumberOfInstancesAndAnyLoadFormsTheSameIncidents(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("replay.jsonl");
        StringBuilder lines = new StringBuilder();
        STORIES.forEach(story -> lines.append(story.json()).append('\n'));
        Files.writeString(input, lines, StandardCharsets.UTF_8);
        assertTrue(STORIES.size() >= 2000, "a replay of at least 2,000 articles: " + STORIES.size());

        List<Run> runs = new ArrayList<>();
        runs.add(run(input, 1, 3, false, dir));
        runs.add(run(input, 1, 3, true, dir));
        runs.add(run(input, 1, 3, false, dir));
        runs.add(run(input, 3, 6, false, dir));
        runs.add(run(input, 3, 6, true, dir));
        runs.add(run(input, 3, 6, false, dir));

        Run first = runs.get(0);
        for (Run run : runs) {
            System.out.printf("%s: %d incidents in %.1f s%n", run.setup(), run.incidents().size(),
                    run.elapsed().toMillis() / 1000.0);
        }
        Set<String> placed = new TreeSet<>();
        first.incidents().values().forEach(placed::addAll);
        assertEquals(STORIES.size(), placed.size(), "every article is in an incident");
        assertTrue(first.incidents().size() < STORIES.size(), "articles were grouped: " + first.incidents().size());
        for (Run run : runs.subList(1, runs.size())) {
            assertEquals(memberships(first), memberships(run), run.setup() + " grouped the articles differently");
            assertEquals(first.incidents(), run.incidents(), run.setup() + " joined members in another order");
        }
    }

    private static Run run(Path input, int instances, int partitions, boolean loaded, Path dir) {
        String setup = instances + " instance(s) x " + partitions + " partitions" + (loaded ? ", cores loaded" : "");
        TestTopics test = TestTopics.unique("replay");
        ChildJvm load = loaded ? ChildJvm.start("cpu-load", System.getProperty("java.class.path"),
                List.of("-Xmx32m"), CpuLoad.class.getName(), List.of("2"), Map.of(),
                dir.resolve("cpu-load-" + test.prefix() + "log")) : null;
        try {
            LocalRun.Result result = LocalRun.execute(test.config(Map.of(
                            TopicsSetup.PARTITIONS, Integer.toString(partitions),
                            LocalRun.STALL_TIMEOUT, "PT30M")),
                    List.of(input.toString()), instances, InputStream.nullInputStream(), event -> { }, null);
            assertEquals(List.of(), result.deadLetters(), setup);
            Map<String, List<String>> incidents = new TreeMap<>();
            for (Incident incident : result.incidents()) {
                incidents.put(incident.incidentId(), incident.articleIds());
            }
            return new Run(setup, incidents, result.elapsed());
        } finally {
            if (load != null) {
                load.close();
            }
        }
    }

    private static Set<Set<String>> memberships(Run run) {
        Set<Set<String>> out = new HashSet<>();
        run.incidents().values().forEach(members -> out.add(new TreeSet<>(members)));
        return out;
    }
}
