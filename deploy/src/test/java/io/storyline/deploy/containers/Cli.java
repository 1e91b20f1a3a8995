package io.storyline.deploy.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} and compose command-line clients as an operator would (they honour {@code DOCKER_HOST}),
 * each call bounded in time, its output kept for the failure message.
 */
final class Cli {

    /** What a command printed and how it ended. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path directory;
    private final Map<String, String> environment;

    /**
     * @param directory   where the commands run (compose reads {@code .env} and resolves paths from there)
     * @param environment variables added to this process's
     */
    Cli(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /** Runs a command; the result whatever its exit code. */
    Result run(Duration deadline, List<String> command) {
        try {
            Path output = Files.createTempFile("storyline-cli-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    return new Result(-1, "timed out after " + deadline + ": " + Files.readString(output,
                            StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Runs a command that must succeed; what it printed. */
    String check(Duration deadline, List<String> command) {
        Result result = run(deadline, command);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + result.exitCode() + "):\n"
                    + tail(result.output()));
        }
        return result.output();
    }

    static List<String> command(List<String> head, String... tail) {
        List<String> command = new ArrayList<>(head);
        command.addAll(List.of(tail));
        return command;
    }

    /** The last lines of long output: a build log's end says why it failed. */
    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
