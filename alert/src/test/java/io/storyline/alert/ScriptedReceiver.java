package io.storyline.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.storyline.alert.delivery.WebhookSignature;
import io.storyline.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * A real HTTP receiver on the loopback interface (the JDK's own server) that answers each path by a script: the
 * n-th request to a path gets the {@link Answer} the script gives for n. Every request is recorded with its
 * headers, its body and whether its signature verified; requests it accepted are what "arrived".
 */
public final class ScriptedReceiver implements AutoCloseable {

    public enum Answer {
        OK, SERVER_ERROR, UNAVAILABLE, BAD_REQUEST,
        /** Accepts the request, then answers too late for the sender. */
        TOO_SLOW,
        /** Drops the connection without an answer. */
        DROP
    }

    /** One request as it came. */
    public record Received(String path, int number, Answer answer, String webhookId, String timestamp, String signature,
                    byte[] body, boolean signatureValid, Instant at) {
        public boolean accepted() {
            return answer == Answer.OK || answer == Answer.TOO_SLOW;
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final List<Received> received = new ArrayList<>();
    private final Duration slowness;

    public ScriptedReceiver(Map<String, IntFunction<Answer>> scripts, byte[] key, Duration slowness) {
        this.slowness = slowness;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scripts.forEach((path, script) -> server.createContext(path, exchange -> handle(exchange, path, script, key)));
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange, String path, IntFunction<Answer> script, byte[] key) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int number = counters.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = script.apply(number);
        String id = exchange.getRequestHeaders().getFirst(WebhookSignature.ID);
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE);
        boolean valid = key != null && WebhookSignature.verify(id, timestamp, signature, body, key,
                Instant.now().getEpochSecond(), 300);
        synchronized (received) {
            received.add(new Received(path, number, answer, id, timestamp, signature, body, valid, Instant.now()));
        }
        switch (answer) {
            case OK -> respond(exchange, 200);
            case SERVER_ERROR -> respond(exchange, 500);
            case UNAVAILABLE -> respond(exchange, 503);
            case BAD_REQUEST -> respond(exchange, 400);
            case TOO_SLOW -> {
                LockSupport.parkNanos(slowness.toNanos());
                respond(exchange, 200);
            }
            case DROP -> exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status) {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // the sender gave up waiting: its loss, it will try again
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> received(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code path} has accepted {@code count} requests; returns them in arrival order. */
    public List<Received> awaitAccepted(String path, int count) {
        await(() -> received(path).stream().filter(Received::accepted).count() >= count,
                count + " requests accepted at " + path);
        return received(path).stream().filter(Received::accepted).toList();
    }

    /** Waits until {@code done} holds; the deadline only keeps a broken build from hanging. */
    public static void await(BooleanSupplier done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
