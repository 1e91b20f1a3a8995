package io.storyline.common.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.storyline.common.json.Json;
import io.storyline.common.metrics.ServiceMeters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small HTTP server of a service process (the JDK's own; a few read-only routes need no framework): health
 * for the platform, metrics for Prometheus, and the service's query routes.
 *
 * <ul>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: 200 or 503 with a JSON body
 *       {@code {"status":"UP|DOWN","state":...,"restoring_partitions":...,"detail":...}} (see {@link Health});</li>
 *   <li>{@code GET /metrics}: every meter in Prometheus' text format (see {@link ServiceMeters}).</li>
 * </ul>
 *
 * <p>Every request gets a status and a body: a path no route serves is 404, a method a route does not take 405,
 * a malformed request 400 (routes throw {@link BadRequestException}), and whatever else goes wrong in a route 500;
 * each with a JSON body {@code {"error": "..."}} that says why in words, never a stack trace (that goes to the
 * log). Only a request the JDK's server cannot parse at all (a request line that is not HTTP, a target that is
 * not a URI) is answered by the server itself, with 400 and a short text.
 */
public final class HttpEndpoints implements AutoCloseable {

    public static final String PORT = "storyline.http.port";
    public static final String HOST = "storyline.http.host";

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String advertisedHost;

    private HttpEndpoints(HttpServer server, ExecutorService executor, String advertisedHost) {
        this.server = server;
        this.executor = executor;
        this.advertisedHost = advertisedHost;
    }

    /** Starts the server when {@code storyline.http.port} is set; null otherwise. */
    static HttpEndpoints startIfConfigured(StorylineConfig config) {
        if (config.string(PORT, null) == null) {
            return null;
        }
        int port = config.integer(PORT, 0);
        String host = config.string(HOST, null);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "storyline-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            HttpEndpoints endpoints = new HttpEndpoints(server, executor, host == null ? localHostName() : host);
            endpoints.serveUnknownPaths();
            server.start();
            return endpoints;
        } catch (IOException e) {
            throw new ConfigException("cannot serve HTTP on port " + port + ": " + e.getMessage());
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    String advertisedHostAndPort() {
        return advertisedHost + ":" + port();
    }

    void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> answer(exchange, handler));
    }

    /** Answers paths no route serves; the server picks the route with the longest matching prefix. */
    private void serveUnknownPaths() {
        server.createContext("/", exchange -> answer(exchange, unknown ->
                respondJson(unknown, 404, Map.of("error", "no such path: " + unknown.getRequestURI().getRawPath()))));
    }

    /** Runs {@code handler} and makes sure the exchange ends with a status and a body, whatever it threw. */
    private static void answer(HttpExchange exchange, HttpHandler handler) {
        try {
            handler.handle(exchange);
        } catch (BadRequestException e) {
            respondIfNotYet(exchange, 400, e.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString(), e);
            respondIfNotYet(exchange, 500, "the request failed (" + e.getClass().getSimpleName()
                    + "); the service's log has the details");
        } finally {
            exchange.close();
        }
    }

    private static void respondIfNotYet(HttpExchange exchange, int status, String message) {
        if (exchange.getResponseCode() != -1) {
            // The status line is out: all that is left is to end the response, which close() does.
            return;
        }
        try {
            respondJson(exchange, status, Map.of("error", message));
        } catch (RuntimeException e) {
            LOG.debug("cannot answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    void serveHealth(Health health) {
        readOnly("/health/live", exchange -> {
            Health.Status status = health.live();
            respondJson(exchange, status.up() ? 200 : 503, status.body());
        });
        readOnly("/health/ready", exchange -> {
            Health.Status status = health.ready();
            respondJson(exchange, status.up() ? 200 : 503, status.body());
        });
    }

    void serveMetrics(ServiceMeters meters) {
        readOnly("/metrics", exchange -> respond(exchange, 200, ServiceMeters.CONTENT_TYPE, meters.scrape()));
    }

    /** A route answering GET and HEAD only, at its exact path. */
    private void readOnly(String path, HttpHandler handler) {
        route(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                respondJson(exchange, 404, Map.of("error", "no such path"));
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respondJson(exchange, 405, Map.of("error", "only GET and HEAD are allowed"));
            } else {
                handler.handle(exchange);
            }
        });
    }

    /** Writes a complete response; routes use it so every answer has a length and a content type. */
    public static void respond(HttpExchange exchange, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
            exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #respond} with {@code body} written as JSON. */
    public static void respondJson(HttpExchange exchange, int status, Object body) {
        try {
            respond(exchange, status, "application/json", Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
