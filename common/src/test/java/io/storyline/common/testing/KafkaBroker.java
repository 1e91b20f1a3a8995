package io.storyline.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits: Testcontainers'
 * {@code apache/kafka} when a Docker engine is present, otherwise a KRaft broker inside the test JVM through
 * Kafka's own test kit. {@code -Dkafka.broker=embedded|docker} forces one. Tests share the broker, so each test
 * uses topic names and application ids of its own ({@link TestTopics}).
 */
public final class KafkaBroker {

    public static final String IMAGE = "apache/kafka:4.3.1";

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

    private static Broker start() {
        String forced = System.getProperty("kafka.broker", "").trim();
        return switch (forced) {
            case "docker" -> new ContainerBroker();
            case "embedded" -> new EmbeddedBroker();
            case "" -> dockerLikelyPresent() && DockerClientFactory.instance().isDockerAvailable()
                    ? new ContainerBroker() : new EmbeddedBroker();
            default -> throw new IllegalArgumentException("-Dkafka.broker must be embedded or docker, not " + forced);
        };
    }

    /** Asking Testcontainers logs an error block when there is no engine; skip the question where none can be. */
    private static boolean dockerLikelyPresent() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    }

    private interface Broker {
        String bootstrapServers();

        String kind();

        void close();
    }

    private static final class ContainerBroker implements Broker {
        private final KafkaContainer container = new KafkaContainer(IMAGE);

        ContainerBroker() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public String kind() {
            return "docker";
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    private static final class EmbeddedBroker implements Broker {
        private final KafkaClusterTestKit kit;

        EmbeddedBroker() {
            try {
                kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        // A directory of our own: the kit's default one is deleted by a JVM shutdown hook that
                        // races the broker's own close and fills the end of the log with storage errors.
                        .setBaseDirectory(Files.createTempDirectory("kafka-"))
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        // The kit's default is an unreleased metadata version; test what users run.
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("log.cleaner.dedupe.buffer.size", "2097152")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded Kafka broker", e);
            }
        }

        @Override
        public String bootstrapServers() {
            return kit.bootstrapServers();
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public void close() {
            try {
                kit.close();
            } catch (Exception e) {
                // The JVM is exiting; a broker that does not stop cleanly leaves nothing behind in target/.
            }
        }
    }
}
