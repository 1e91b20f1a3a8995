package io.storyline.deploy.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One project of {@code deploy/compose} on this machine's Docker engine, driven through the compose client an
 * operator has ({@code docker compose}, else the classic {@code docker-compose}), under a project name and a Kafka
 * host port of its own. Where the engine cannot pull {@code apache/kafka} it adds the override that runs the broker
 * from Storyline's image; where it cannot pull Temurin's images it builds on the local base images
 * ({@code deploy/docker/local-base.sh}).
 */
final class ComposeStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("ingest", "enrich", "aggregate");
    private static final Duration COMMAND = Duration.ofMinutes(5);
    private static final Duration BUILD = Duration.ofMinutes(45);
    private static final String PROJECT_LABEL = "com.docker.compose.project";

    private final Cli cli;
    private final List<String> compose;
    private final String project;
    private final int kafkaPort;
    private final List<String> choices;

    private ComposeStack(Cli cli, List<String> compose, String project, int kafkaPort, List<String> choices) {
        this.cli = cli;
        this.compose = compose;
        this.project = project;
        this.kafkaPort = kafkaPort;
        this.choices = choices;
    }

    /** A new project on the compose files in {@code composeDir}, set up for what this machine's engine has. */
    static ComposeStack create(Path composeDir, String kafkaVersion) {
        Cli probe = new Cli(composeDir, Map.of());
        if (!probe.run(Duration.ofSeconds(30), List.of("docker", "info")).ok()) {
            throw new AssertionError("no Docker engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")");
        }
        List<String> choices = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        int kafkaPort = freePort();
        environment.put("HOST_KAFKA_PORT", Integer.toString(kafkaPort));
        baseImages(probe, environment, choices);

        List<String> client = client(probe);
        String project = "storyline-e2e-" + ProcessHandle.current().pid();
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of("-p", project, "-f", "compose.yaml"));
        String broker = "apache/kafka:" + kafkaVersion;
        if (available(probe, broker)) {
            choices.add("broker " + broker);
        } else {
            command.addAll(List.of("-f", "compose.storyline-broker.yaml"));
            choices.add("broker from Storyline's image (" + broker + " cannot be pulled)");
        }
        choices.add("client " + String.join(" ", client));
        return new ComposeStack(new Cli(composeDir, environment), command, project, kafkaPort, choices);
    }

    /** {@code docker compose} where the plugin is there, else {@code docker-compose}; {@code -Dcompose=...} picks. */
    private static List<String> client(Cli cli) {
        String named = System.getProperty("compose", "").trim();
        if (!named.isEmpty()) {
            return Arrays.asList(named.split("\\s+"));
        }
        if (cli.run(Duration.ofSeconds(30), List.of("docker", "compose", "version")).ok()) {
            return List.of("docker", "compose");
        }
        if (cli.run(Duration.ofSeconds(30), List.of("docker-compose", "version")).ok()) {
            return List.of("docker-compose");
        }
        throw new AssertionError("neither `docker compose` nor `docker-compose` runs here");
    }

    /** The base images the build is given: the environment's, else Temurin's if at hand, else the local ones. */
    private static void baseImages(Cli cli, Map<String, String> environment, List<String> choices) {
        if (System.getenv("JDK_IMAGE") != null && System.getenv("JRE_IMAGE") != null) {
            choices.add("base images " + System.getenv("JDK_IMAGE") + ", " + System.getenv("JRE_IMAGE"));
            return;
        }
        if (available(cli, "eclipse-temurin:17-jdk") && available(cli, "eclipse-temurin:17-jre")) {
            choices.add("base images eclipse-temurin:17-jdk, -jre");
            return;
        }
        if (!present(cli, "storyline-base:jdk-17") || !present(cli, "storyline-base:jre-17")) {
            throw new AssertionError("the engine cannot pull eclipse-temurin:17-jdk/-jre and has no local base "
                    + "images: run deploy/docker/local-base.sh, or set JDK_IMAGE and JRE_IMAGE");
        }
        environment.put("JDK_IMAGE", "storyline-base:jdk-17");
        environment.put("JRE_IMAGE", "storyline-base:jre-17");
        choices.add("base images storyline-base:jdk-17, jre-17 (local-base.sh; Temurin's cannot be pulled)");
    }

    private static boolean present(Cli cli, String image) {
        return cli.run(Duration.ofSeconds(30), List.of("docker", "image", "inspect", image)).ok();
    }

    private static boolean available(Cli cli, String image) {
        return present(cli, image) || cli.run(Duration.ofMinutes(10), List.of("docker", "pull", image)).ok();
    }

    /** What this machine made the stack run with, for the test's report. */
    List<String> choices() {
        return choices;
    }

    /** Where tools on this machine reach the broker. */
    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Builds the image(s) with compose; answers how long it took. */
    Duration build() {
        Instant start = Instant.now();
        cli.check(BUILD, Cli.command(compose, "build"));
        return Duration.between(start, Instant.now());
    }

    /** {@code up -d} with these replicas of the services (the broker and the topic step first, as compose orders). */
    void up(Map<String, Integer> replicas) {
        List<String> command = Cli.command(compose, "up", "-d", "--no-build");
        replicas.forEach((service, count) -> command.addAll(List.of("--scale", service + "=" + count)));
        cli.check(COMMAND, command);
    }

    /** The running containers of a service, by id, in a stable order. */
    List<String> running(String service) {
        return lines(cli.check(COMMAND, List.of("docker", "ps", "-q", "--no-trunc", "--filter",
                "label=" + PROJECT_LABEL + "=" + project, "--filter", "label=com.docker.compose.service=" + service)));
    }

    /** Waits until every running container of the services reports healthy (its /health/ready answers 200). */
    void awaitHealthy(Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        while (true) {
            Map<String, String> states = new LinkedHashMap<>();
            for (String service : SERVICES) {
                for (String container : running(service)) {
                    states.put(service + " " + container.substring(0, 12), inspect(container,
                            "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}"));
                }
            }
            if (!states.isEmpty() && states.values().stream().allMatch("healthy"::equals)) {
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not healthy within " + deadline + ": " + states + "\n" + logs());
            }
            pollInterval();
        }
    }

    String ip(String container) {
        return inspect(container, "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
    }

    /** SIGKILL, as a crashing host or the OOM killer ends a process. */
    void kill(String container) {
        cli.check(COMMAND, List.of("docker", "kill", container));
    }

    /** Starts a stopped container again, on its own state volume. */
    void start(String container) {
        cli.check(COMMAND, List.of("docker", "start", container));
    }

    /** GET {@code address} (host:port/path) from inside {@code container}, with the probe the image carries. */
    Cli.Result probe(String container, String address) {
        return cli.run(Duration.ofSeconds(30), List.of("docker", "exec", container, "/opt/storyline/bin/http-probe",
                address));
    }

    /** The services' last log lines, for a failure message. */
    String logs() {
        return Cli.tail(cli.run(COMMAND, Cli.command(compose, "logs", "--tail", "30")).output());
    }

    /**
     * {@code down -v}, then what is left of the project on the engine: containers, networks, its volumes and the
     * anonymous state volumes its containers had. Empty when nothing is.
     */
    List<String> downAndLeftovers() {
        List<String> containers = lines(cli.check(COMMAND, List.of("docker", "ps", "-aq", "--no-trunc", "--filter",
                "label=" + PROJECT_LABEL + "=" + project)));
        TreeSet<String> volumes = new TreeSet<>();
        for (String container : containers) {
            volumes.addAll(Arrays.asList(inspect(container, "{{range .Mounts}}{{.Name}} {{end}}").trim()
                    .split("\\s+")));
        }
        volumes.remove("");
        cli.check(COMMAND, Cli.command(compose, "down", "-v", "--remove-orphans"));
        List<String> left = new ArrayList<>();
        String filter = "label=" + PROJECT_LABEL + "=" + project;
        lines(cli.check(COMMAND, List.of("docker", "ps", "-aq", "--filter", filter)))
                .forEach(c -> left.add("container " + c));
        lines(cli.check(COMMAND, List.of("docker", "network", "ls", "-q", "--filter", filter)))
                .forEach(n -> left.add("network " + n));
        lines(cli.check(COMMAND, List.of("docker", "volume", "ls", "-q", "--filter", filter)))
                .forEach(v -> left.add("volume " + v));
        volumes.stream().filter(v -> cli.run(COMMAND, List.of("docker", "volume", "inspect", v)).ok())
                .forEach(v -> left.add("state volume " + v));
        return left;
    }

    @Override
    public void close() {
        cli.run(COMMAND, Cli.command(compose, "down", "-v", "--remove-orphans"));
    }

    private String inspect(String container, String format) {
        return cli.check(COMMAND, List.of("docker", "inspect", "-f", format, container)).trim();
    }

    private static List<String> lines(String output) {
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Between two looks at something that changes on its own (container health, group assignments). */
    static void pollInterval() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
