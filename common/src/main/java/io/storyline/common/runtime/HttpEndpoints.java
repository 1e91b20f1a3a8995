package io.storyline.common.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The small HTTP server of a service process (the JDK's own; a few read-only routes need no framework): health
 * for the platform, and the service's query routes.
 */
public final class HttpEndpoints implements AutoCloseable {

    public static final String PORT = "storyline.http.port";
    public static final String HOST = "storyline.http.host";

    private final HttpServer server;
    private final String advertisedHost;

    private HttpEndpoints(HttpServer server, String advertisedHost) {
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    /** Starts the server when {@code storyline.http.port} is set; null otherwise. */
    static HttpEndpoints startIfConfigured(StorylineConfig config) {
        if (config.string(PORT, null) == null) {
            return null;
        }
        int port = config.integer(PORT, 0);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "storyline-http");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return new HttpEndpoints(server, config.string(HOST, localHostName()));
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
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                respond(exchange, 500, "application/json",
                        "{\"error\":" + jsonString(String.valueOf(e.getMessage())) + "}");
            }
        });
    }

    void serveHealth(Health health) {
        route("/health/live", exchange -> {
            Health.Status status = health.live();
            respond(exchange, status.up() ? 200 : 503, "application/json", status.json());
        });
        route("/health/ready", exchange -> {
            Health.Status status = health.ready();
            respond(exchange, status.up() ? 200 : 503, "application/json", status.json());
        });
    }

    /** Writes a complete response; routes use it so every answer has a length and a content type. */
    public static void respond(HttpExchange exchange, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
