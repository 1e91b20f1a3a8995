package io.storyline.board.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.storyline.board.incidents.BoardState;
import io.storyline.board.incidents.IncidentFilter;
import io.storyline.board.ops.OpsStrip;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.HttpEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live feed of the page, as server-sent events (plain HTTP that proxies pass, and browsers reconnect by
 * themselves). Each viewer gets a {@code snapshot} (or {@code incident}) first, then {@code upsert} and
 * {@code remove} for the rows its filter shows (or the incident page's {@code incident} and {@code moved}), and
 * {@code ops} for the operators' strip.
 *
 * <p>Changes are coalesced per viewer: the feed only marks which incidents changed, and each viewer's own thread
 * sends their state as it is when it gets to them. A slow browser therefore receives fewer, later updates and
 * never holds back the feed or the other viewers; a viewer that has gone is noticed at the next heartbeat.
 */
public final class LiveStream implements AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Browsers wait this long before reconnecting after the stream broke. */
    private static final int RETRY_MILLIS = 2_000;

    private final BoardState state;
    private final OpsStrip ops;
    private final ThreadPoolExecutor viewers;
    private final Set<Viewer> open = ConcurrentHashMap.newKeySet();

    public LiveStream(BoardState state, OpsStrip ops, int maxViewers) {
        this.state = state;
        this.ops = ops;
        this.viewers = new ThreadPoolExecutor(0, maxViewers, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "board-viewer");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** What one viewer follows: the list under a filter, or one incident's page. */
    record Subscription(IncidentFilter filter, int limit, String incidentId) {
    }

    /** Takes over {@code exchange} for as long as the browser stays; answers 503 when every place is taken. */
    void follow(HttpExchange exchange, Subscription subscription) {
        Viewer viewer = new Viewer(exchange, subscription);
        try {
            viewers.execute(viewer);
        } catch (RejectedExecutionException e) {
            exchange.getResponseHeaders().set("Retry-After", "30");
            HttpEndpoints.respondJson(exchange, 503, Map.of("error", "the board has as many live viewers as it "
                    + "takes (storyline.board.max.clients); try again shortly"));
            exchange.close();
        }
    }

    /** The feed read records that changed these incidents. */
    public void changed(Set<String> incidentIds) {
        open.forEach(viewer -> viewer.mark(incidentIds, false));
    }

    /** The operators' figures were measured again. */
    public void opsChanged() {
        open.forEach(viewer -> viewer.mark(Set.of(), true));
    }

    public int viewers() {
        return open.size();
    }

    @Override
    public void close() {
        open.forEach(Viewer::stop);
        viewers.shutdownNow();
    }

    private final class Viewer implements Runnable {
        private final HttpExchange exchange;
        private final Subscription subscription;
        private final Set<String> dirty = new LinkedHashSet<>();
        private boolean opsDirty;
        private boolean stopped;

        Viewer(HttpExchange exchange, Subscription subscription) {
            this.exchange = exchange;
            this.subscription = subscription;
        }

        synchronized void mark(Set<String> ids, boolean opsChanged) {
            if (subscription.incidentId() != null) {
                ids.stream().filter(id -> id.equals(subscription.incidentId())).forEach(dirty::add);
            } else {
                dirty.addAll(ids);
            }
            opsDirty |= opsChanged;
            if (!dirty.isEmpty() || opsDirty) {
                notifyAll();
            }
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        @Override
        public void run() {
            open.add(this);
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                // Proxies such as nginx would otherwise buffer the stream.
                exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                write(out, "retry: " + RETRY_MILLIS + "\n\n");
                sendFirst(out);
                send(out, "ops", ops.snapshot());
                while (true) {
                    Set<String> changed;
                    boolean opsChanged;
                    synchronized (this) {
                        if (dirty.isEmpty() && !opsDirty && !stopped) {
                            wait(HEARTBEAT.toMillis());
                        }
                        if (stopped) {
                            return;
                        }
                        changed = new LinkedHashSet<>(dirty);
                        opsChanged = opsDirty;
                        dirty.clear();
                        opsDirty = false;
                    }
                    if (changed.isEmpty() && !opsChanged) {
                        write(out, ": still here\n\n");
                    }
                    for (String id : changed) {
                        sendChange(out, id);
                    }
                    if (opsChanged) {
                        send(out, "ops", ops.snapshot());
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the browser went away, or the board is closing
            } finally {
                open.remove(this);
            }
        }

        private void sendFirst(OutputStream out) throws IOException {
            String id = subscription.incidentId();
            if (id == null) {
                send(out, "snapshot", state.page(subscription.filter(), subscription.limit()));
            } else {
                sendChange(out, id);
            }
        }

        private void sendChange(OutputStream out, String id) throws IOException {
            String survivor = state.survivorOf(id);
            if (subscription.incidentId() != null) {
                ObjectNode detail = survivor.equals(id) ? state.detail(id) : null;
                if (detail != null) {
                    send(out, "incident", detail);
                } else {
                    send(out, survivor.equals(id) ? "gone" : "moved", reference(id, survivor));
                }
                return;
            }
            ObjectNode row = state.row(id, subscription.filter());
            if (row != null) {
                send(out, "upsert", row);
            } else {
                send(out, "remove", reference(id, survivor));
            }
        }

        private ObjectNode reference(String id, String survivor) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("incident_id", id);
            if (!survivor.equals(id)) {
                node.put("merged_into", survivor);
            }
            return node;
        }
    }

    private static void send(OutputStream out, String event, JsonNode data) throws IOException {
        String json;
        try {
            json = Json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        write(out, "event: " + event + "\ndata: " + json + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
