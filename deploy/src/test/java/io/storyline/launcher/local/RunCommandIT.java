package io.storyline.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storyline run --embedded}: the launcher's own broker, the user's files in, incidents out. */
class RunCommandIT {

    @Test
    void runOnAnEmbeddedBrokerWritesOneJsonLinePerIncident(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("incidents.jsonl");
        Path input = Path.of(RunCommandIT.class.getResource("/e2e").toURI());

        Path events = dir.resolve("events.jsonl");
        int code = Main.execute("run", "--embedded", "--input", input.toString(), "--output", output.toString(),
                "--events", events.toString(), "--instances", "2", "--partitions", "2");

        assertEquals(0, code);
        List<Incident> incidents = Files.readAllLines(output).stream()
                .map(line -> Topics.INCIDENT_SERDE.fromBytes(line.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertEquals(2, incidents.size(), incidents::toString);
        assertEquals(List.of(1, 2), incidents.stream().map(i -> i.articleIds().size()).sorted().toList());
        Incident corroborated = incidents.stream().filter(i -> i.articleIds().size() == 2).findFirst().orElseThrow();
        List<String> itsEvents = Files.readAllLines(events).stream()
                .map(line -> Topics.INCIDENT_EVENT_SERDE.fromBytes(line.getBytes(StandardCharsets.UTF_8)))
                .filter(event -> event.incidentId().equals(corroborated.incidentId()))
                .map(IncidentEvent::type).toList();
        // The second report brings the place (Sion, Switzerland): the incident's key facts change with it.
        assertEquals(List.of("OPENED", "ARTICLE_ADDED", "FACTS_CHANGED", "CORROBORATED"), itsEvents);
    }

    @Test
    void aMissingInputIsOneReadableLineAndExitTwo(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("run", "--embedded", "--input", dir.resolve("nowhere").toString());
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, code, printed);
        assertTrue(printed.startsWith("storyline: "), printed);
        assertTrue(printed.contains("nowhere"), printed);
        assertEquals(1, printed.lines().filter(line -> line.startsWith("storyline: ")).count(), printed);
    }

    @Test
    void runWithoutEmbeddedSaysWhatToDoInstead() {
        assertEquals(2, Main.execute("run", "--input", "x.txt"));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, Main.execute("run", "--embedded", "--input", "x", "--bogus"));
    }
}
