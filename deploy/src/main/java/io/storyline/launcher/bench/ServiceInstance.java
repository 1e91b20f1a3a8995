package io.storyline.launcher.bench;

import io.storyline.common.runtime.HttpEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a Storyline service in its own JVM, started as a container runs it ({@code storyline
 * ingest|enrich|aggregate --bootstrap-server ... --set key=value ...}), with its health endpoint on a port of its
 * own.
 */
public final class ServiceInstance implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final String service;
    private final ChildJvm jvm;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceInstance(String service, ChildJvm jvm, int httpPort) {
        this.service = service;
        this.jvm = jvm;
        this.httpPort = httpPort;
    }

    /**
     * @param service     names what runs: {@code ingest}, {@code enrich}, {@code aggregate} or another service
     * @param name        names the instance in logs and reports
     * @param classpath   the launcher's class path
     * @param mainClass   the launcher's main, or another service's
     * @param leadingArgs what comes before the options ({@code ingest} for the launcher's ingest)
     * @param bootstrap   the cluster, or null when the environment names it
     * @param settings    Kafka and {@code storyline.*} settings, given as {@code --set} flags
     * @param environment added to the child's environment ({@code KAFKA_*}, {@code STORYLINE_*})
     */
    public static ServiceInstance start(String service, String name, List<String> launcher, String classpath,
                                        List<String> jvmOptions, String mainClass, List<String> leadingArgs,
                                        String bootstrap, Map<String, String> settings,
                                        Map<String, String> environment, Path log) {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(HttpEndpoints.PORT, Integer.toString(port));
        all.putIfAbsent(HttpEndpoints.HOST, "localhost");
        List<String> args = new ArrayList<>(leadingArgs);
        if (bootstrap != null) {
            args.add("--bootstrap-server");
            args.add(bootstrap);
        }
        all.forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        ChildJvm jvm = ChildJvm.start(name, launcher, classpath, jvmOptions, mainClass, args, environment, log);
        return new ServiceInstance(service, jvm, port);
    }

    public String service() {
        return service;
    }

    public ChildJvm jvm() {
        return jvm;
    }

    /**
     * Waits until the instance reports ready (its Streams client runs and its topics exist).
     *
     * @throws IllegalStateException when the process ends first or {@code deadline} passes
     */
    public ServiceInstance awaitReady(Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(giveUp)) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + jvm, e);
            }
            if (jvm.waitFor(POLL)) {
                throw new IllegalStateException(jvm + " exited with " + jvm.awaitExit(Duration.ZERO)
                        + " before it was ready:\n" + jvm.output());
            }
        }
        throw new IllegalStateException(jvm + " was not ready within " + deadline + ":\n" + jvm.output());
    }

    /** SIGKILL. */
    public void kill() {
        jvm.kill();
    }

    /** SIGTERM: the service closes its client and leaves its group; answers the exit code. */
    public int stop() {
        return jvm.stop(Duration.ofSeconds(60));
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    public double cpuSeconds() {
        return jvm.cpuSeconds();
    }

    public ChildJvm.Memory memory() {
        return jvm.memory();
    }

    public String output() {
        return jvm.output();
    }

    @Override
    public void close() {
        jvm.close();
    }

    @Override
    public String toString() {
        return jvm.toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
