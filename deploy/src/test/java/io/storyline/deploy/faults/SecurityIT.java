package io.storyline.deploy.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.launcher.bench.ChildJvm;
import io.storyline.launcher.bench.ChildPipeline;
import io.storyline.launcher.bench.Newsroom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a broker that takes only SASL (SCRAM-SHA-256) connections, every process gets its settings from
 * {@code KAFKA_*} environment variables alone, as a container does: the three services (their Streams clients
 * and the admin client that creates topics) and the launcher's {@code publish} and {@code tail} connect with the
 * right credentials, and with a wrong password each fails with one clear line and a non-zero exit.
 */
class SecurityIT {

    static final List<Newsroom.Story> STORIES = new Newsroom(17).write(2, 3, 0);

    @Test
    void everyClientConnectsWithSaslSettingsFromTheEnvironment(@TempDir Path dir) throws IOException {
        Map<String, String> env = new HashMap<>(SaslKafkaBroker.environment(SaslKafkaBroker.PASSWORD));
        try (ChildPipeline pipeline = Faults.pipeline("sasl", null).environment(env)) {
            pipeline.startAll(Faults.READY_DEADLINE);
            Path input = dir.resolve("articles.jsonl");
            Files.write(input, STORIES.stream().map(Newsroom.Story::json).toList());

            env.putAll(pipeline.topicEnvironment());
            ChildJvm publish = launcher("publish", env, dir, List.of("publish", input.toString()));
            assertEquals(0, publish.awaitExit(Duration.ofMinutes(2)), publish.output());

            Map<String, Set<String>> expected = Newsroom.expectedIncidents(STORIES);
            try (PipelineAudit audit = new PipelineAudit(SaslKafkaBroker.clientSettings(SaslKafkaBroker.PASSWORD),
                    pipeline.topics())) {
                List<String> problems = audit.awaitPlaced(Faults.ids(expected)).problems(expected);
                assertEquals(List.of(), problems, pipeline.logs());
            }
            ChildJvm tail = launcher("tail", env, dir, List.of("tail", "incidents", "--from-beginning", "--json",
                    "--max-records", "2"));
            assertEquals(0, tail.awaitExit(Duration.ofMinutes(2)), tail.output());
            assertEquals(2, tail.output().lines().filter(l -> l.startsWith("{")).count(), tail.output());
        }
    }

    @Test
    void aWrongPasswordIsOneClearLineAndANonZeroExit(@TempDir Path dir) {
        Map<String, String> env = new HashMap<>(SaslKafkaBroker.environment("not-the-password"));
        List<ChildJvm> children = new ArrayList<>();
        try (ChildPipeline pipeline = Faults.pipeline("sasl-wrong", null).environment(env)) {
            for (String service : ChildPipeline.SERVICES) {
                children.add(pipeline.start(service, 1).jvm());
            }
            // Where a platform owns the topics the service creates none: its Streams clients meet the refusal.
            children.add(pipeline.environment(Map.of("STORYLINE_TOPICS_CREATE", "false")).start("enrich", 2).jvm());
            env.putAll(pipeline.topicEnvironment());
            children.add(launcher("publish", env, dir, List.of("publish", writeOne(dir).toString())));
            children.add(launcher("tail", env, dir, List.of("tail", "incidents")));

            Map<String, Integer> codes = new LinkedHashMap<>();
            children.forEach(child -> codes.put(child.name(), child.awaitExit(Duration.ofMinutes(2))));
            for (ChildJvm child : children) {
                int code = codes.get(child.name());
                String output = child.output();
                assertNotEquals(-1, code, child.name() + " still runs: " + output);
                assertNotEquals(0, code, child.name() + ": " + output);
                List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
                assertEquals(1, lines.size(), child.name() + " printed more than one line:\n" + output);
                assertTrue(lines.get(0).startsWith("storyline"), output);
                assertTrue(lines.get(0).contains("Authentication failed"), output);
                System.out.println(child.name() + " exited " + code + ": " + lines.get(0));
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    private static Path writeOne(Path dir) {
        try {
            return Files.writeString(dir.resolve("one.json"), STORIES.get(0).json());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ChildJvm launcher(String name, Map<String, String> env, Path dir, List<String> args) {
        return ChildJvm.start(name, Launcher.classpath(), Launcher.jvmOptions(name), "io.storyline.launcher.Main",
                args, env, dir.resolve(name + ".log"));
    }
}
