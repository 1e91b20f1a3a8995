package io.storyline.launcher.bench;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java process started by this one, as an operator's container would run it: its own heap, its own RSS, and
 * killable with SIGKILL. Its output goes to a log file. It halts when this JVM is gone ({@link WatchedMain}).
 */
public final class ChildJvm implements AutoCloseable {

    /** Memory of a child process in bytes; -1 where it could not be read. */
    public record Memory(long rss, long peakRss, long heapAfterGc) {
    }

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM.
     *
     * @param classpath   the child's class path
     * @param jvmOptions  heap limits, GC choice and the like
     * @param environment added to this process's environment
     * @param log         where the child's standard output and error go
     */
    public static ChildJvm start(String name, String classpath, List<String> jvmOptions, String mainClass,
                                 List<String> args, Map<String, String> environment, Path log) {
        return start(name, List.of(), classpath, jvmOptions, mainClass, args, environment, log);
    }

    /** As above, the JVM run by {@code launcher} (such as {@code taskset -c 1}) if it is not empty. */
    public static ChildJvm start(String name, List<String> launcher, String classpath, List<String> jvmOptions,
                                 String mainClass, List<String> args, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>(launcher);
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(WatchedMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " in a child JVM", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean close, as a crashing machine or an OOM killer would end it. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}; answers the exit code. */
    public int stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            process.destroyForcibly();
        }
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end; answers its exit code, or -1 if it is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        return waitFor(timeout) ? process.exitValue() : -1;
    }

    /** Pauses until the process ends or {@code timeout} passes; true when it has ended. */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** CPU time the process has used so far, user and system, in seconds; -1 where the platform does not say. */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    public Path log() {
        return log;
    }

    /** What the child has printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Resident set size now and at its peak ({@code /proc/PID/status}), and the heap in use right after a full
     * collection the child is asked for through {@code jcmd}.
     */
    public Memory memory() {
        return new Memory(procStatus("VmRSS"), procStatus("VmHWM"), heapAfterGc());
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    private long heapAfterGc() {
        Path jcmd = javaExecutable().resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd) || !isAlive()) {
            return -1;
        }
        jcmd(jcmd, "GC.run");
        String info = jcmd(jcmd, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? kib * 1024 : -1;
    }

    private String jcmd(Path jcmd, String command) {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Path javaExecutable() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
