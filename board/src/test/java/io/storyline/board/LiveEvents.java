package io.storyline.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The board's server-sent events as a test reads them: waits for an event, never for a time. */
public final class LiveEvents implements AutoCloseable {

    /** Only a guard against a test hanging for ever; a passing test never comes near it. */
    public static final Duration SAFETY_DEADLINE = Duration.ofMinutes(2);

    /** One server-sent event. */
    public record Event(String name, JsonNode data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    public LiveEvents(String url) {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the live feed answered " + response.statusCode());
        }
        lines = response.body();
        reader = new Thread(this::read, "live-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String name = null;
        try {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ") && name != null) {
                    events.add(new Event(name, Json.mapper().readTree(line.substring(6))));
                    name = null;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the stream was closed
        }
    }

    /** The next event that {@code wanted} accepts; the others before it are passed over. */
    public Event await(Predicate<Event> wanted) {
        long deadline = System.nanoTime() + SAFETY_DEADLINE.toNanos();
        while (true) {
            Event event;
            try {
                event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (event == null) {
                throw new AssertionError("no such live event within " + SAFETY_DEADLINE);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** An upsert or snapshot row of {@code incidentId} that {@code wanted} accepts. */
    public JsonNode awaitRow(String incidentId, Predicate<JsonNode> wanted) {
        JsonNode[] found = new JsonNode[1];
        await(event -> {
            Stream<JsonNode> rows = event.name().equals("upsert") ? Stream.of(event.data())
                    : event.name().equals("snapshot") ? Stream.of(event.data().get("incidents")).flatMap(
                            all -> java.util.stream.StreamSupport.stream(all.spliterator(), false))
                    : Stream.empty();
            return rows.filter(row -> row.get("incident_id").asText().equals(incidentId)).filter(wanted)
                    .peek(row -> found[0] = row).findFirst().isPresent();
        });
        return found[0];
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
