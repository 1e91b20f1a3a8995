package io.storyline.launcher.local;

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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A webhook receiver on this machine's loopback interface, as a newsroom's would be: takes alerts at
 * {@code POST /alerts}, checks their signature the Standard Webhooks way (and refuses requests more than five
 * minutes off, against replays), and tells {@code out} what came.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final long TOLERANCE_SECONDS = 300;

    private final HttpServer server;
    private final byte[] key;
    private final Consumer<String> out;
    private final AtomicInteger received = new AtomicInteger();

    private WebhookReceiver(HttpServer server, byte[] key, Consumer<String> out) {
        this.server = server;
        this.key = key;
        this.out = out;
    }

    /** @param port 0 for any free one */
    public static WebhookReceiver start(int port, byte[] key, Consumer<String> out) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            WebhookReceiver receiver = new WebhookReceiver(server, key, out);
            server.createContext("/alerts", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for webhooks on port " + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** Alerts received with a valid signature. */
    public int received() {
        return received.get();
    }

    /** Waits until {@code count} alerts have arrived or {@code limit} has passed; answers whether they did. */
    public boolean awaitReceived(int count, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (received() < count && Instant.now().isBefore(deadline)) {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return received() >= count;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst(WebhookSignature.ID);
            boolean verified = WebhookSignature.verify(id, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE), body, key,
                    Instant.now().getEpochSecond(), TOLERANCE_SECONDS);
            if (!verified) {
                out.accept("webhook receiver: refused a request for " + id + ": its signature does not verify");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode alert = Json.mapper().readTree(body);
            JsonNode incident = alert.path("incident");
            out.accept(String.format("webhook receiver: POST /alerts %s, signature verified: rule %s, incident %s"
                            + " \u201c%s\u201d, %d sources (%s), on %s", id, alert.path("rule_id").asText(),
                    alert.path("incident_id").asText(), incident.path("title").asText("untitled"),
                    incident.path("source_count").asInt(), sources(incident),
                    alert.path("event").path("type").asText()));
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static String sources(JsonNode incident) {
        StringBuilder out = new StringBuilder();
        incident.path("sources").forEach(source -> out.append(out.isEmpty() ? "" : ", ").append(source.asText()));
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
