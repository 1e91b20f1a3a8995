package io.storyline.common.testing;

import io.storyline.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits: a container when a
 * Docker engine answers and has a broker image (or can pull one), otherwise Storyline's own KRaft broker inside the
 * test JVM ({@link EmbeddedKafka}, the launcher's). {@code -Dkafka.broker=embedded|docker} forces one;
 * {@code -Dkafka.broker.image=NAME} names the image Docker mode runs. Tests share the broker, so each test uses
 * topic names and application ids of its own ({@link TestTopics}).
 *
 * <p>An engine that answers but cannot pull (no registry, a proxy) must not stall the suite: without the images
 * the fixture says so in one line and runs the in-JVM broker, unless Docker mode is forced.
 */
public final class KafkaBroker {

    /** The {@code apache/kafka} image at the version of the Kafka clients the tests run with. */
    public static final String IMAGE = "apache/kafka:" + kafkaVersion();

    /** Storyline's own image, which runs {@code storyline broker}; the build passes its name. */
    static final String STORYLINE_IMAGE_PROPERTY = "storyline.image";
    private static final String IMAGE_PROPERTY = "kafka.broker.image";
    /** How long the automatic choice waits for a missing image to be pulled before it runs the in-JVM broker. */
    private static final Duration AUTO_PULL_DEADLINE = Duration.ofSeconds(30);
    private static final Duration FORCED_PULL_DEADLINE = Duration.ofMinutes(10);

    private static Broker broker;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
            Broker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-broker-stop"));
        }
        return broker.bootstrapServers();
    }

    /** {@code embedded} or {@code docker}: which broker this JVM's tests run against. */
    public static synchronized String kind() {
        bootstrapServers();
        return broker.kind();
    }

    interface Broker {
        String bootstrapServers();

        String kind();

        void close();
    }

    private static Broker start() {
        String forced = System.getProperty("kafka.broker", "").trim();
        return switch (forced) {
            case "docker" -> docker();
            case "embedded" -> new EmbeddedBroker();
            case "" -> dockerIfItHasTheImages();
            default -> throw new IllegalArgumentException("-Dkafka.broker must be embedded or docker, not " + forced);
        };
    }

    private static Broker docker() {
        DockerEngine engine = DockerEngine.connect().orElseThrow(() -> new IllegalStateException(
                "-Dkafka.broker=docker, but no Docker engine answers (DOCKER_HOST="
                        + System.getenv("DOCKER_HOST") + ")"));
        DockerEngine.Choice choice = engine.choose(candidates(), FORCED_PULL_DEADLINE);
        if (choice.image() == null) {
            throw new IllegalStateException("-Dkafka.broker=docker, but " + choice.reason() + "; build Storyline's "
                    + "image (deploy/README.md) or name one with -D" + IMAGE_PROPERTY + "=");
        }
        return ContainerBroker.start(choice.image());
    }

    private static Broker dockerIfItHasTheImages() {
        if (!DockerEngine.likelyPresent()) {
            return new EmbeddedBroker();
        }
        Optional<DockerEngine> engine = DockerEngine.connect();
        if (engine.isEmpty()) {
            note("no Docker engine answers");
            return new EmbeddedBroker();
        }
        DockerEngine.Choice choice = engine.get().choose(candidates(), AUTO_PULL_DEADLINE);
        if (choice.image() == null) {
            note("Docker answers, but " + choice.reason());
            return new EmbeddedBroker();
        }
        return ContainerBroker.start(choice.image());
    }

    /** The one line a test run prints when Docker is there but cannot be used. */
    private static void note(String why) {
        System.err.println("kafka broker: " + why + "; the tests use the in-JVM broker (-Dkafka.broker=docker "
                + "forces Docker)");
    }

    /** The images Docker mode may run, in order of preference. */
    private static List<String> candidates() {
        String named = System.getProperty(IMAGE_PROPERTY, "").trim();
        if (!named.isEmpty()) {
            return List.of(named);
        }
        List<String> images = new ArrayList<>(List.of(IMAGE));
        String storyline = System.getProperty(STORYLINE_IMAGE_PROPERTY, "").trim();
        if (!storyline.isEmpty()) {
            images.add(storyline);
        }
        return images;
    }

    /** The version of the kafka-clients jar on the class path, as it records it. */
    private static String kafkaVersion() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version");
            if (version == null) {
                throw new IllegalStateException("no kafka/kafka-version.properties (kafka-clients) on the class path");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class EmbeddedBroker implements Broker {
        private final EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());

        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public void close() {
            kafka.close();
        }
    }
}
