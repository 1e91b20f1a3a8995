package io.storyline.deploy.faults;

import io.storyline.launcher.bench.ChildJvm;
import io.storyline.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * A single-node KRaft broker in a child JVM, on fixed ports and a fixed data directory, so a test can stop it
 * mid-stream and start it again where it was: the same address, the same logs, the same cluster. It runs
 * the launcher's own {@link EmbeddedKafka}; the shared test broker stays up for the other tests.
 */
final class BrokerProcess implements AutoCloseable {

    private final int port = freePort();
    private final int controllerPort = freePort();
    private final Path dir;
    private ChildJvm jvm;
    private int starts;

    private BrokerProcess(Path dir) {
        this.dir = dir;
    }

    static BrokerProcess start() {
        try {
            BrokerProcess broker = new BrokerProcess(Files.createTempDirectory("storyline-broker-"));
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * SIGTERM, as an operator's restart or a rolling upgrade stops a broker: the broker shuts down in a controlled
     * way (its logs closed, its producer state written) while clients are still sending.
     */
    void stop() {
        // 143 (SIGTERM) once the shutdown hook has closed the broker; ChildJvm kills it after the grace period.
        int code = jvm.stop(Duration.ofSeconds(60));
        if (code != 0 && code != 143) {
            throw new IllegalStateException("the broker did not stop cleanly (exit " + code + "):\n" + jvm.output());
        }
    }

    /** Starts the broker on the same ports and data as before and waits until it answers. */
    void startAgain() {
        starts++;
        jvm = ChildJvm.start("broker", System.getProperty("java.class.path"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")),
                Main.class.getName(), List.of(Integer.toString(port), Integer.toString(controllerPort),
                        dir.resolve("data").toString()), Map.of(), dir.resolve("broker-" + starts + ".log"));
        awaitAnswering(Duration.ofMinutes(1));
    }

    private void awaitAnswering(Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers(),
                "request.timeout.ms", 2000, "default.api.timeout.ms", 3000))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (!jvm.isAlive() || Instant.now().isAfter(giveUp)) {
                        throw new IllegalStateException("the broker did not start:\n" + jvm.output(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's entry point: {@code PORT CONTROLLER_PORT DATA_DIR}; runs until killed. */
    public static final class Main {

        private Main() {
        }

        public static void main(String[] args) throws InterruptedException {
            String port = args[0];
            String controller = args[1];
            EmbeddedKafka.start(Map.of(
                    "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controller,
                    "advertised.listeners", "PLAINTEXT://localhost:" + port,
                    "controller.quorum.voters", "1@localhost:" + controller,
                    "log.dirs", args[2]));
            new CountDownLatch(1).await();
        }
    }
}
