package io.storyline.common.testing;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker in a container: the {@code apache/kafka} image through Testcontainers' Kafka module, or Storyline's own
 * image running {@code storyline broker}, the stand-in where {@code apache/kafka} cannot be pulled.
 */
final class ContainerBroker implements KafkaBroker.Broker {

    private static final int START_ATTEMPTS = 3;

    private final GenericContainer<?> container;
    private final String bootstrapServers;

    private ContainerBroker(GenericContainer<?> container, String bootstrapServers) {
        this.container = container;
        this.bootstrapServers = bootstrapServers;
    }

    static ContainerBroker start(String image) {
        DockerImageName name = DockerImageName.parse(image);
        String repository = name.getUnversionedPart();
        if (repository.equals("apache/kafka") || repository.equals("apache/kafka-native")) {
            KafkaContainer kafka = new KafkaContainer(name);
            kafka.start();
            return new ContainerBroker(kafka, kafka.getBootstrapServers());
        }
        return storylineBroker(name);
    }

    /**
     * {@code storyline broker} advertises the address clients use, so it must know the host port before it
     * starts: the container publishes a free host port under the same number, and a start that loses the port to
     * another process is tried again.
     */
    private static ContainerBroker storylineBroker(DockerImageName image) {
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        RuntimeException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            @SuppressWarnings("resource") // stopped by close(), or here when it does not start
            GenericContainer<?> broker = new GenericContainer<>(image)
                    .withCommand("broker")
                    .withEnv("KAFKA_LISTENERS", "PLAINTEXT://:" + port + ",CONTROLLER://localhost:9093")
                    .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093")
                    .withEnv("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + host + ":" + port)
                    .withEnv("JAVA_TOOL_OPTIONS", "-Xmx512m -XX:+ExitOnOutOfMemoryError")
                    .withCreateContainerCmdModifier(cmd -> {
                        cmd.withExposedPorts(ExposedPort.tcp(port));
                        cmd.getHostConfig().withPortBindings(
                                new PortBinding(Ports.Binding.bindPort(port), ExposedPort.tcp(port)));
                    })
                    // A JVM start and a KRaft format: 20-40 s on a quiet machine, minutes on a loaded one.
                    .waitingFor(Wait.forLogMessage(".*Kafka broker ready at.*", 1)
                            .withStartupTimeout(Duration.ofMinutes(5)));
            try {
                broker.start();
                return new ContainerBroker(broker, host + ":" + port);
            } catch (RuntimeException e) {
                broker.stop();
                if (!portTaken(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IllegalStateException("cannot start " + image + " as a broker", last);
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("port is already allocated")) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
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
