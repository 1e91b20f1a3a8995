package io.storyline.launcher.local;

import io.storyline.alert.AlertService;
import io.storyline.alert.AlertSettings;
import io.storyline.board.Board;
import io.storyline.board.BoardSettings;
import io.storyline.common.files.Folders;
import io.storyline.common.incident.Incident;
import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.broker.EmbeddedKafka;
import io.storyline.launcher.tail.IncidentFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline demo}: an embedded broker, the three services and the bundled sample articles; prints every
 * incident event as it is committed, then the incidents. The alert service runs beside them with the demo's rules
 * ({@code demo/alert-rules.yaml}) and delivers what they raise to a webhook receiver on this machine, which says
 * what it received and whether the signature verified.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on the bundled sample articles and print the incidents as they form.")
public final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/io/storyline/launcher/demo/";
    /** How long the demo waits, after the last incident, for the alert its rules raise to be delivered. */
    private static final Duration ALERT_WAIT = Duration.ofSeconds(60);
    /** How long Ctrl-C gives a kept-running demo to close the board, the services and the broker in order. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);

    @Option(names = "--board", description = "also serve the live incident board, and keep the pipeline and the "
            + "board running after the samples until Ctrl-C")
    boolean board;

    /** Counted down once the demo has closed what it started. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Option(names = "--board-port", paramLabel = "PORT",
            description = "the board's port (default " + BoardSettings.DEFAULT_PORT + ", or a free one when taken)")
    Integer boardPort;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Path samples = extractSamples();
        Path alerting = tempDirectory("storyline-demo-alerts-");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (EmbeddedKafka broker = EmbeddedKafka.start(Map.of());
             WebhookReceiver receiver = WebhookReceiver.start(0, secret, out::println)) {
            // Ctrl-C stops a kept-running demo: its services need not wait long for a broker that is going too.
            StorylineConfig config = StorylineConfig.of(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), TopicsSetup.PARTITIONS, "3",
                    ServiceRuntime.SHUTDOWN_TIMEOUT, "PT5S"));
            Path rules = extractAlertRules(alerting, receiver.url(), secret);
            try (ServiceRuntime alerts = ServiceRuntime.start(new AlertService(), config
                    .with(AlertSettings.RULES, rules.toString())
                    .with(StreamsConfig.STATE_DIR_CONFIG, alerting.resolve("state").toString()));
                 Board live = board ? startBoard(config) : null) {
                out.println("Storyline demo: embedded Kafka at " + broker.bootstrapServers()
                        + "; ingest, enrich, aggregate and alert running, alerts go to " + receiver.url()
                        + ". Publishing the sample articles from " + samples + " ...");
                if (live != null) {
                    out.println("The live incident board: " + address(live) + "  (open it now to watch them form)");
                }
                out.println("(the first article waits a few seconds while enrich loads its language models)");
                out.println();
                LocalRun.execute(config, List.of(samples.toString()), 1, InputStream.nullInputStream(),
                        event -> out.println(IncidentFormat.event(event)), null, result -> {
                            report(out, result);
                            if (!receiver.awaitReceived(1, ALERT_WAIT)) {
                                out.println("No alert reached the webhook receiver within " + ALERT_WAIT.toSeconds()
                                        + " s; see ./storyline tail alerts and news.dlq.");
                            }
                            if (live != null) {
                                out.println();
                                out.println("The pipeline and the board keep running: " + address(live)
                                        + "  (Ctrl-C stops them)");
                                out.flush();
                                awaitCtrlC(broker);
                            }
                        });
            }
        } finally {
            Folders.deleteQuietly(samples);
            Folders.deleteQuietly(alerting);
            closed.countDown();
        }
        return 0;
    }

    private static void report(PrintStream out, LocalRun.Result result) {
        out.println();
        out.printf("%d articles became %d incidents in %.1f s:%n%n", result.articleIds().size(),
                result.incidents().size(), result.elapsed().toMillis() / 1000.0);
        for (Incident incident : result.incidents()) {
            out.println(IncidentFormat.incident(incident));
            out.println();
        }
        result.deadLetters().forEach(letter -> out.printf("dead letter from %s: %s (%s)%n",
                letter.service(), letter.key(), letter.message()));
        out.println("Try it on your own files: ./storyline run --embedded --input DIR --output incidents.jsonl");
    }

    private Board startBoard(StorylineConfig config) {
        int port = boardPort != null ? boardPort : BoardSettings.DEFAULT_PORT;
        try {
            return Board.start(config.with(HttpEndpoints.PORT, Integer.toString(port)));
        } catch (ConfigException e) {
            if (boardPort != null) {
                throw e;
            }
            // The usual port is taken (another board, say): any free one will do for a demo.
            return Board.start(config.with(HttpEndpoints.PORT, "0"));
        }
    }

    private static String address(Board board) {
        return "http://localhost:" + board.port() + "/";
    }

    /** Blocks until Ctrl-C (or SIGTERM); the caller then closes the board, the pipeline and the broker in order. */
    private void awaitCtrlC(EmbeddedKafka broker) {
        CountDownLatch stop = new CountDownLatch(1);
        // The broker's own exit hook would stop it at once, beside this one: the services would then close against
        // a broker that is gone, each waiting out its close timeout. It goes last, when the demo closes it.
        broker.ownerClosesAtExit(CLOSE_WAIT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                // The JVM ends when the hooks have run: give the demo the time to close in order.
                closed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo's rules, pointed at the receiver, with the secret they share beside them. */
    private static Path extractAlertRules(Path dir, String url, byte[] secret) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + "alert-rules.yaml")) {
            String rules = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${WEBHOOK_URL}", url);
            Files.writeString(dir.resolve("newsroom.secret"), "whsec_" + Base64.getEncoder().encodeToString(secret));
            return Files.writeString(dir.resolve("alert-rules.yaml"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo's alert rules", e);
        }
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples live in the launcher jar; the publisher reads files, so they are copied out for the run. */
    private static Path extractSamples() {
        try {
            Path dir = Files.createTempDirectory("storyline-demo-");
            String index;
            try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + "index.txt")) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String name : index.strip().split("\\s+")) {
                try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo articles", e);
        }
    }
}
