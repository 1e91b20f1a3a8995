package io.storyline.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker inside the calling JVM: the launcher's {@code demo}, {@code run}, {@code bench}
 * and {@code broker}, and the tests' in-JVM broker. In-process, it cannot outlive its JVM, even one killed with
 * SIGKILL; its data lives in a temporary directory removed on exit (unless {@code log.dirs} is overridden), and
 * directories left by killed processes are removed by the next start. At JVM exit (Ctrl-C, SIGTERM) a hook closes
 * it; an owner that closes its clients first says so with {@link #ownerClosesAtExit}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String DIR_PREFIX = "storyline-kafka-";
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dir;
    private final String bootstrapServers;
    private boolean closed;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile Duration exitGrace = Duration.ZERO;

    private EmbeddedKafka(KafkaRaftServer server, Path dir, String bootstrapServers) {
        this.server = server;
        this.dir = dir;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker with {@code overrides} (broker settings) on top of single-node defaults on free ports;
     * retries when a port is taken.
     */
    public static EmbeddedKafka start(Map<String, String> overrides) {
        return start(overrides, 0);
    }

    /**
     * Starts a broker whose clients connect on {@code port}, or on a free port when it is 0 (then retrying when
     * another process takes the port between choosing and binding it).
     */
    public static EmbeddedKafka start(Map<String, String> overrides, int port) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        RuntimeException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Path dir = createDir(tmp);
            try {
                return startIn(dir, overrides, port == 0 ? freePort() : port);
            } catch (RuntimeException e) {
                deleteRecursively(dir);
                last = e;
                if (port != 0 && causedByBind(e)) {
                    throw new PortInUseException(port, e);
                }
                if (!causedByBind(e)) {
                    break;
                }
            }
        }
        throw new IllegalStateException("cannot start the embedded Kafka broker: " + last.getMessage(), last);
    }

    /** The port asked for is taken. */
    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is already in use", cause);
        }
    }

    /**
     * The owner closes the broker itself at JVM exit, after its clients: the exit hook waits up to {@code grace}
     * for that before it closes the broker. Shutdown hooks run all at once, so without this the broker stops
     * while the owner's services still commit, close their transactions and leave their groups, and each of
     * them waits out its close timeout against a broker that is gone.
     */
    public void ownerClosesAtExit(Duration grace) {
        exitGrace = grace;
    }

    /** The exit hook: the broker closes once its owner had the time {@link #ownerClosesAtExit} gave it. */
    void closeAtExit() {
        try {
            closedLatch.await(exitGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Where clients connect: the first advertised listener's host and port. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static EmbeddedKafka startIn(Path dir, Map<String, String> overrides, int port) {
        int controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // The cleaner's default dedupe buffer takes 128 MiB of heap; a laptop broker needs a fraction.
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.putAll(overrides);

        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(writer, "storyline embedded broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format(config, Path.of(props.getProperty("log.dirs").split(",")[0]));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, dir,
                firstAdvertised(props.getProperty("advertised.listeners")));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::closeAtExit, "embedded-kafka-stop"));
        return kafka;
    }

    /** {@code PLAINTEXT://kafka:9092,HOST://localhost:9094} to {@code kafka:9092}. */
    static String firstAdvertised(String listeners) {
        String first = listeners.split(",")[0].trim();
        return first.substring(first.indexOf("://") + 3);
    }

    private static void format(Path config, Path logDir) {
        // A log directory given in the overrides and formatted by an earlier start keeps its cluster id: a restart.
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        int code = StorageTool.execute(new String[] {"format", "--config", config.toString(),
                "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted"}, quiet);
        if (code != 0) {
            throw new IllegalStateException("formatting the broker's storage failed (exit " + code + ")");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static Path createDir(Path tmp) {
        try {
            Path dir = Files.createTempDirectory(tmp, DIR_PREFIX + ProcessHandle.current().pid() + "-");
            Files.createDirectories(dir.resolve("data"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's data directory in " + tmp, e);
        }
    }

    /** Data directories whose launcher process is gone (killed before it could clean up). */
    private static void removeLeftovers(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
            for (Path dir : dirs) {
                String[] parts = dir.getFileName().toString().substring(DIR_PREFIX.length()).split("-");
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteRecursively(dir);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            // Leftovers only cost disk space; never fail a start over them.
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the next start removes what is left
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
            deleteRecursively(dir);
        } finally {
            closedLatch.countDown();
        }
    }
}
