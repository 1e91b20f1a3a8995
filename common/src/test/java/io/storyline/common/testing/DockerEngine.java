package io.storyline.common.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The Docker engine Testcontainers would use (it honours {@code DOCKER_HOST} and {@code ~/.testcontainers.properties}),
 * asked what it has before any container starts. Testcontainers' own client starts its Ryuk reaper container on first
 * use and retries pulls for minutes; asking here first lets the fixture turn to the in-JVM broker at once when the
 * images are missing and the engine cannot pull them.
 */
final class DockerEngine {

    private final DockerClient client;

    private DockerEngine(DockerClient client) {
        this.client = client;
    }

    /** What the engine can run: an image, or why none of those asked for. */
    record Choice(String image, String reason) {
    }

    /** Asking Testcontainers logs an error block when there is no engine; skip the question where none can be. */
    static boolean likelyPresent() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    }

    /** The engine, if one answers. */
    static Optional<DockerEngine> connect() {
        List<DockerClientProviderStrategy> strategies = new ArrayList<>();
        ServiceLoader.load(DockerClientProviderStrategy.class).forEach(strategies::add);
        try {
            DockerClient client = DockerClientProviderStrategy.getFirstValidStrategy(strategies).getDockerClient();
            client.pingCmd().exec();
            return Optional.of(new DockerEngine(client));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The first of {@code images} the engine has, else the first it pulls within {@code deadline} (each), provided
     * the images Testcontainers itself runs first are there too (or switched off).
     */
    Choice choose(List<String> images, Duration deadline) {
        for (String[] helper : testcontainersHelpers()) {
            if (!has(helper[0])) {
                String failure = pull(helper[0], deadline);
                if (failure != null) {
                    return new Choice(null, "Testcontainers' " + helper[0] + " is not there and cannot be pulled ("
                            + failure + "; " + helper[1] + " does without it)");
                }
            }
        }
        for (String image : images) {
            if (has(image)) {
                return new Choice(image, null);
            }
        }
        List<String> failures = new ArrayList<>();
        for (String image : images) {
            String failure = pull(image, deadline);
            if (failure == null) {
                return new Choice(image, null);
            }
            failures.add(image + ": " + failure);
        }
        return new Choice(null, "no broker image is there and none can be pulled (" + String.join("; ", failures)
                + ")");
    }

    /**
     * Images Testcontainers starts before any broker, each with the setting that spares it: its Ryuk reaper, and,
     * where this JVM runs inside a container ({@code /.dockerenv}, as Testcontainers decides it) and the engine is
     * a local socket, the small image it runs to find the host's address.
     */
    private static List<String[]> testcontainersHelpers() {
        List<String[]> helpers = new ArrayList<>();
        TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            helpers.add(new String[] {configuration.getRyukImage(), "TESTCONTAINERS_RYUK_DISABLED=true"});
        }
        String dockerHost = System.getenv("DOCKER_HOST");
        if (Files.exists(Path.of("/.dockerenv")) && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null
                && (dockerHost == null || dockerHost.startsWith("unix://"))) {
            helpers.add(new String[] {configuration.getTinyImage(), "TESTCONTAINERS_HOST_OVERRIDE=localhost"});
        }
        return helpers;
    }

    private boolean has(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Null when pulled, else why not, in a few words. */
    private String pull(String image, Duration deadline) {
        DockerImageName name = DockerImageName.parse(image);
        try (PullImageResultCallback pull = client.pullImageCmd(name.getUnversionedPart())
                .withTag(name.getVersionPart()).exec(new PullImageResultCallback())) {
            if (!pull.awaitCompletion(deadline.toSeconds(), TimeUnit.SECONDS)) {
                return "not pulled within " + deadline.toSeconds() + " s";
            }
            return has(image) ? null : "the pull ended without the image";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage()).strip();
            return message.lines().findFirst().orElse(e.getClass().getSimpleName());
        }
    }
}
