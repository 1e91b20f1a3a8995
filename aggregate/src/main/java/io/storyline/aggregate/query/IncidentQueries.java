package io.storyline.aggregate.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.BadRequestException;
import io.storyline.common.runtime.HttpEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /incidents/{id}} and {@code GET /incidents?since=ISO-INSTANT[&limit=N]}, answered from the
 * partitioned view of {@code news.incidents} (Kafka Streams interactive queries). An id is answered by the
 * instance that holds its partition: others forward the request there. A {@code since} query asks every instance
 * for its part and merges the answers, newest first.
 *
 * <p>A malformed request is answered 400 with what is wrong ({@link BadRequestException}): a {@code since} that is
 * not an instant or a date, a {@code limit} that is not a number from 1 to {@value #MAX_LIMIT}, a parameter the
 * route does not know, an id that cannot be one. An instance that cannot reach the one holding the answer says so
 * with 502.
 */
public final class IncidentQueries implements HttpHandler {

    /** Marks a request one instance sent another, which must be answered locally and never forwarded again. */
    static final String FORWARDED = "X-Storyline-Forwarded";
    private static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;
    private static final int MAX_ID_LENGTH = 256;
    private static final Set<String> SINCE_PARAMETERS = Set.of("since", "limit");

    private final KafkaStreams streams;
    private final String store;
    private final String topic;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param store the view's store
     * @param topic the topic the view is built from, whose partitions say which instance holds which incidents
     */
    public IncidentQueries(KafkaStreams streams, String store, String topic) {
        this.streams = streams;
        this.store = store;
        this.topic = topic;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            error(exchange, 405, "only GET is supported");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        boolean forwarded = exchange.getRequestHeaders().containsKey(FORWARDED);
        try {
            if (path.startsWith("/incidents/") && path.length() > "/incidents/".length()) {
                byId(exchange, incidentId(path.substring("/incidents/".length())), forwarded);
            } else if (path.equals("/incidents") || path.equals("/incidents/")) {
                since(exchange, query(exchange.getRequestURI()), forwarded);
            } else {
                error(exchange, 404, "no such route: " + path);
            }
        } catch (InvalidStateStoreException e) {
            error(exchange, 503, "incidents are not queryable right now (the service is starting or rebalancing)");
        } catch (UnreachableInstance e) {
            error(exchange, 502, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 503, "interrupted");
        }
    }

    private static String incidentId(String id) {
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("an incident id has at most " + MAX_ID_LENGTH
                    + " characters and no control characters");
        }
        return id;
    }

    private void byId(HttpExchange exchange, String id, boolean forwarded) throws IOException, InterruptedException {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, id, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            error(exchange, 503, "incidents are not queryable right now (the service is starting or rebalancing)");
            return;
        }
        if (!localPartitions().contains(metadata.partition())) {
            if (forwarded) {
                error(exchange, 503, "this instance no longer holds incident " + id);
                return;
            }
            relay(exchange, metadata.activeHost(), exchange.getRequestURI().getRawPath());
            return;
        }
        Incident incident = streams.store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.<String, Incident>keyValueStore()).withPartition(metadata.partition())).get(id);
        if (incident == null) {
            error(exchange, 404, "no incident " + id);
        } else {
            HttpEndpoints.respond(exchange, 200, "application/json", Json.mapper().writeValueAsString(incident));
        }
    }

    private void since(HttpExchange exchange, Map<String, String> query, boolean forwarded)
            throws IOException, InterruptedException {
        for (String name : query.keySet()) {
            if (!SINCE_PARAMETERS.contains(name)) {
                throw new BadRequestException("unknown parameter '" + name + "'; /incidents takes since and limit");
            }
        }
        Instant since = query.containsKey("since") ? since(query.get("since")) : Instant.EPOCH;
        int limit = query.containsKey("limit") ? limit(query.get("limit")) : DEFAULT_LIMIT;
        List<Incident> found = new ArrayList<>(local(since));
        if (!forwarded) {
            Set<Integer> mine = localPartitions();
            for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
                Set<Integer> theirs = viewPartitions(instance.topicPartitions());
                if (!theirs.isEmpty() && !theirs.equals(mine)) {
                    found.addAll(remote(instance.hostInfo(), since, limit));
                }
            }
        }
        found.sort(Comparator.comparing(Incident::lastUpdated).reversed().thenComparing(Incident::incidentId));
        List<Incident> answer = found.size() > limit ? found.subList(0, limit) : found;
        HttpEndpoints.respond(exchange, 200, "application/json", Json.mapper().writeValueAsString(answer));
    }

    private static Instant since(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO-8601 instant (2024-11-21T00:00:00Z) or date "
                    + "(2024-11-21), not '" + value + "'");
        }
    }

    private static int limit(String value) {
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value
                    + "'");
        }
        return limit;
    }

    private List<Incident> local(Instant since) {
        List<Incident> out = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Incident> view = streams.store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, Incident> all = view.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && !entry.value.lastUpdated().isBefore(since)) {
                    out.add(entry.value);
                }
            });
        }
        return out;
    }

    private List<Incident> remote(HostInfo host, Instant since, int limit) throws IOException, InterruptedException {
        HttpResponse<String> response = send(host, "/incidents?since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8) + "&limit=" + limit);
        if (response.statusCode() != 200) {
            throw new UnreachableInstance(host, "answered " + response.statusCode() + ": " + response.body());
        }
        List<Incident> out = new ArrayList<>();
        for (JsonNode node : Json.mapper().readTree(response.body())) {
            out.add(Json.mapper().treeToValue(node, Incident.class));
        }
        return out;
    }

    /** Forwards the request to the instance holding the key and passes its answer on unchanged. */
    private void relay(HttpExchange exchange, HostInfo host, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(host, path);
        HttpEndpoints.respond(exchange, response.statusCode(), "application/json", response.body());
    }

    private HttpResponse<String> send(HostInfo host, String pathAndQuery) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
                        + pathAndQuery))
                .header(FORWARDED, "1")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnreachableInstance(host, "did not answer (" + e + ")");
        }
    }

    /** Another instance, which holds part of the answer, could not give it. */
    private static final class UnreachableInstance extends RuntimeException {
        UnreachableInstance(HostInfo host, String what) {
            super("instance " + host.host() + ":" + host.port() + " " + what);
        }
    }

    /** Partitions of the view this instance serves as the active copy. */
    private Set<Integer> localPartitions() {
        Set<TopicPartition> active = new HashSet<>();
        streams.metadataForLocalThreads().forEach(thread -> thread.activeTasks().forEach(task ->
                active.addAll(task.topicPartitions())));
        return viewPartitions(active);
    }

    private Set<Integer> viewPartitions(Set<TopicPartition> partitions) {
        Set<Integer> out = new HashSet<>();
        partitions.stream().filter(partition -> partition.topic().equals(topic))
                .forEach(partition -> out.add(partition.partition()));
        return out;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new BadRequestException("query parameters are name=value pairs, not '" + pair + "'");
                }
                out.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return out;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + encoded + "' is not URL-encoded: " + e.getMessage());
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws JsonProcessingException {
        HttpEndpoints.respond(exchange, status, "application/json",
                Json.mapper().writeValueAsString(Map.of("error", message)));
    }
}
