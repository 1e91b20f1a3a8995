package io.storyline.launcher.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.incident.Incident;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.Main;
import io.storyline.launcher.bench.Newsroom;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval incidents} judges what users get only if it forms the incidents the pipeline forms: the same generated
 * news through {@code run --embedded} (a real broker, the three services, two instances each) and through the
 * offline evaluation give the same memberships.
 */
class OfflineMatchesPipelineIT {

    @Test
    void theOfflineEvaluationFormsTheIncidentsOfThePipeline(@TempDir Path dir) throws Exception {
        List<Newsroom.Story> stories = new Newsroom(23).write(16, 4, 0.15);
        Path input = dir.resolve("news.jsonl");
        Files.write(input, stories.stream().map(Newsroom.Story::json).toList(), StandardCharsets.UTF_8);
        Path pipeline = dir.resolve("pipeline.jsonl");
        Path offline = dir.resolve("offline.jsonl");

        assertEquals(0, Main.execute("run", "--embedded", "--input", input.toString(), "--output",
                pipeline.toString(), "--instances", "2", "--partitions", "4"));
        assertEquals(0, Main.execute("eval", "incidents", "--input", input.toString(), "--output",
                offline.toString(), "--threads", "2"));

        Set<Set<String>> expected = memberships(pipeline);
        assertEquals(stories.size(), expected.stream().mapToInt(Set::size).sum(), "every article in one incident");
        assertEquals(expected, memberships(offline));
    }

    private static Set<Set<String>> memberships(Path incidents) throws Exception {
        return Files.readAllLines(incidents, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> Topics.INCIDENT_SERDE.fromBytes(line.getBytes(StandardCharsets.UTF_8)))
                .map(Incident::articleIds)
                .map(ids -> (Set<String>) new TreeSet<>((Collection<String>) ids))
                .collect(Collectors.toSet());
    }
}
