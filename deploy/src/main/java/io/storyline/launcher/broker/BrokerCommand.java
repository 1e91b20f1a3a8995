package io.storyline.launcher.broker;

import io.storyline.broker.BrokerSettings;
import io.storyline.broker.EmbeddedKafka;
import io.storyline.launcher.UserError;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline broker}: the embedded single-node broker on its own, until stopped, so that the services,
 * {@code publish} and {@code tail} can be tried one by one on a laptop without Docker, and so that Storyline's own
 * image can stand in for {@code apache/kafka} where that image cannot be pulled (compose's override file, the
 * tests' Docker mode). Broker settings come from {@code KAFKA_*} variables spelt as for {@code apache/kafka}.
 * One node, no replication, no authentication: not for production.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker until stopped, to try the services, publish and tail "
                + "without Docker, or as a stand-in for the apache/kafka image. Not for production: one node, "
                + "no replication, no authentication.",
                "Broker settings are read from KAFKA_* variables spelt as for the apache/kafka image "
                        + "(KAFKA_LISTENERS with KAFKA_CONTROLLER_QUORUM_VOTERS, KAFKA_ADVERTISED_LISTENERS, "
                        + "KAFKA_LOG_DIRS, ...); KAFKA_LISTENERS replaces --port. Without KAFKA_LOG_DIRS the data is "
                        + "deleted when the broker stops."})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
            description = "port clients connect to; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserError("--port must be between 0 and 65535");
        }
        Map<String, String> settings = BrokerSettings.fromEnvironment(System.getenv());
        EmbeddedKafka broker;
        try {
            // Listeners given by the environment name their own ports.
            broker = EmbeddedKafka.start(settings, settings.containsKey("listeners") ? 0 : port);
        } catch (EmbeddedKafka.PortInUseException e) {
            throw new UserError(e.getMessage() + "; choose another with --port, or 0 for any free one");
        }
        // Containers and test fixtures wait for this line: the broker takes requests once it is printed.
        System.err.println("storyline: Kafka broker ready at " + broker.bootstrapServers()
                + " (not for production; stop it with Ctrl-C or SIGTERM)");
        if (!settings.containsKey("listeners")) {
            System.err.println("  try: STORYLINE_HTTP_PORT=8080 ./storyline ingest --bootstrap-server "
                    + broker.bootstrapServers());
        }
        // The broker runs on its own threads; its shutdown hook stops it when the process is told to end.
        new CountDownLatch(1).await();
        return 0;
    }
}
