package io.storyline.launcher.broker;

import io.storyline.launcher.UserError;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline broker}: the embedded single-node broker on its own, until Ctrl-C, so that the services,
 * {@code publish} and {@code tail} can be tried one by one on a laptop without Docker. Its data goes with it.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a throwaway single-node Kafka broker until Ctrl-C (its data is deleted then), to try the "
                + "services, publish and tail locally without Docker.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
            description = "port clients connect to; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserError("--port must be between 0 and 65535");
        }
        EmbeddedKafka broker;
        try {
            broker = EmbeddedKafka.start(Map.of(), port);
        } catch (EmbeddedKafka.PortInUseException e) {
            throw new UserError(e.getMessage() + "; choose another with --port, or 0 for any free one");
        }
        System.err.println("storyline: Kafka broker at " + broker.bootstrapServers()
                + " (Ctrl-C stops it and deletes its data); try:");
        System.err.println("  STORYLINE_HTTP_PORT=8080 ./storyline ingest --bootstrap-server "
                + broker.bootstrapServers());
        // The broker runs on its own threads; its shutdown hook stops it when the process is told to end.
        new CountDownLatch(1).await();
        return 0;
    }
}
