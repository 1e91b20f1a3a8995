package io.storyline.board.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.storyline.board.incidents.BoardState;
import io.storyline.board.incidents.IncidentFilter;
import io.storyline.board.ops.OpsStrip;
import io.storyline.common.metrics.ServiceMeters;
import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.HttpEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The board's web server (the JDK's own: a handful of read-only routes and a server-sent event stream need no
 * framework). Everything the page needs is served from here, so it works in a newsroom network without internet.
 *
 * <ul>
 *   <li>{@code GET /}: the incident list; {@code GET /incidents/{id}}: an incident's page (a merged incident's
 *       address redirects to the incident it was merged into); {@code GET /assets/...}: styles and scripts;</li>
 *   <li>{@code GET /api/incidents?q=&place=&entity=&min_sources=&status=&limit=}, {@code GET /api/incidents/{id}},
 *       {@code GET /api/ops}: the same data as JSON; {@code GET /api/live?...} (or {@code ?incident=ID}): the live
 *       feed as server-sent events;</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready} (ready once the topics have been read up to where
 *       they were at start), {@code GET /metrics}.</li>
 * </ul>
 */
public final class BoardHttp implements AutoCloseable {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1_000;
    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(css|js|svg)");
    private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final String WEB = "/io/storyline/board/web/";
    /** Nothing but the board itself: no script, style, font or image from anywhere else. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    private final HttpServer server;
    private final ExecutorService executor;
    private final BoardState state;
    private final OpsStrip ops;
    private final LiveStream live;
    private final BooleanSupplier ready;
    private final Supplier<String> notReadyBecause;
    private final Supplier<String> metrics;

    public BoardHttp(int port, BoardState state, OpsStrip ops, LiveStream live, BooleanSupplier ready,
                     Supplier<String> notReadyBecause, Supplier<String> metrics) {
        this.state = state;
        this.ops = ops;
        this.live = live;
        this.ready = ready;
        this.notReadyBecause = notReadyBecause;
        this.metrics = metrics;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new ConfigException("cannot serve the board on port " + port + ": " + e.getMessage());
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "board-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        route("/", this::page);
        route("/assets/", this::asset);
        route("/api/", this::api);
        route("/health/", this::health);
        route("/metrics", exchange -> {
            try (exchange) {
                HttpEndpoints.respond(exchange, 200, ServiceMeters.CONTENT_TYPE, metrics.get());
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    HttpEndpoints.respondJson(exchange, 405, Map.of("error", "the board only reads: GET and HEAD"));
                    exchange.close();
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                HttpEndpoints.respondJson(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
                exchange.close();
            }
        });
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                file(exchange, 200, "index.html");
                return;
            }
            if (path.startsWith("/incidents/")) {
                String id = path.substring("/incidents/".length());
                if (INCIDENT_ID.matcher(id).matches()) {
                    String survivor = state.survivorOf(id);
                    if (!survivor.equals(id)) {
                        redirect(exchange, "/incidents/" + encode(survivor));
                        return;
                    }
                    file(exchange, state.detail(id) != null ? 200 : 404, "incident.html");
                    return;
                }
            }
            file(exchange, 404, "missing.html");
        }
    }

    private void asset(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/assets/".length());
            if (!ASSET.matcher(name).matches()) {
                HttpEndpoints.respond(exchange, 404, "text/plain", "no such asset");
                return;
            }
            file(exchange, 200, name);
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        IncidentFilter filter;
        int limit;
        try {
            filter = IncidentFilter.of(query);
            limit = limit(query.get("limit"));
        } catch (IllegalArgumentException e) {
            HttpEndpoints.respondJson(exchange, 400, Map.of("error", e.getMessage()));
            exchange.close();
            return;
        }
        if (path.equals("/api/live")) {
            String incident = query.get("incident");
            live.follow(exchange, new LiveStream.Subscription(filter, limit,
                    incident == null || incident.isBlank() ? null : incident.strip()));
            return;
        }
        try (exchange) {
            if (path.equals("/api/incidents")) {
                HttpEndpoints.respondJson(exchange, 200, state.page(filter, limit));
            } else if (path.startsWith("/api/incidents/")) {
                String id = path.substring("/api/incidents/".length());
                String survivor = state.survivorOf(id);
                ObjectNode detail = survivor.equals(id) ? state.detail(id) : null;
                if (!survivor.equals(id)) {
                    redirect(exchange, "/api/incidents/" + encode(survivor));
                } else if (detail == null) {
                    HttpEndpoints.respondJson(exchange, 404, Map.of("error", "the board holds no incident " + id
                            + " (unknown, or without activity for longer than the board keeps)"));
                } else {
                    HttpEndpoints.respondJson(exchange, 200, detail);
                }
            } else if (path.equals("/api/ops")) {
                HttpEndpoints.respondJson(exchange, 200, ops.snapshot());
            } else {
                HttpEndpoints.respondJson(exchange, 404, Map.of("error", "no such path"));
            }
        }
    }

    private void health(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/health/live")) {
                HttpEndpoints.respondJson(exchange, 200, Map.of("status", "UP"));
            } else if (path.equals("/health/ready")) {
                boolean up = ready.getAsBoolean();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", up ? "UP" : "DOWN");
                body.put("incidents", state.size());
                if (!up) {
                    body.put("detail", notReadyBecause.get());
                }
                HttpEndpoints.respondJson(exchange, up ? 200 : 503, body);
            } else {
                HttpEndpoints.respondJson(exchange, 404, Map.of("error", "no such path"));
            }
        }
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the address holds a malformed parameter: " + pair);
            }
        }
        return out;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        // Permanent: a merged incident never comes back.
        exchange.sendResponseHeaders(301, -1);
    }

    private static void file(HttpExchange exchange, int status, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = BoardHttp.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                HttpEndpoints.respond(exchange, 404, "text/plain", "no such file");
                return;
            }
            bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", contentType(name));
        // Small files that change with a release: always revalidate, never serve a stale script.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return "image/svg+xml";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
