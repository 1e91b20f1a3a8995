package io.storyline.common.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated HTTP requests for the properties of the services' endpoints, and what every answer must be: a status,
 * and unless the request was HEAD or the answer a success, a JSON body whose {@code error} says why in words, with
 * no stack trace in it.
 */
public final class HttpProbes {

    /** A request: method, and path with query, already percent-encoded. */
    public record Probe(String method, String target) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> SEGMENTS = List.of("health", "live", "ready", "metrics", "incidents",
            "incidents", "readyish", "", "..", ".", "%", "inc-1", "0", "-1", "null", "a b", "ü", "北京", "\u0000",
            "%2F", "+", "?", "#", "'; drop", "x".repeat(300));
    private static final List<String> NAMES = List.of("since", "limit", "since", "limit", "until", "id", "", "q",
            "LIMIT", "since[]", "😀");
    private static final List<String> VALUES = List.of("-5", "0", "1", "10", "10000", "10001", "2147483648",
            "1e3", " 7", "", "2020-01-01T00:00:00Z", "2020-01-01", "2020-13-45", "yesterday", "NaN", "null",
            "0x10", "%", "%zz", "+1", "9999999999999999999999", "2024-11-21T00:00:00+01:00");

    private HttpProbes() {
    }

    /** Requests near the routes the services serve, and far from them. */
    public static Arbitrary<Probe> probes() {
        Arbitrary<String> method = Arbitraries.of("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
                "OPTIONS");
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of(SEGMENTS),
                Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> path = segment.list().ofMaxSize(4).map(segments -> {
            StringBuilder out = new StringBuilder();
            for (String s : segments) {
                out.append('/').append(encode(s));
            }
            // A target starting "//" is read by java.net.URI as an authority with an empty path: the JDK's server
            // answers it itself (404, no route sees it), so it is left out of what routes are asked.
            return out.length() == 0 ? "/" : out.toString().replaceFirst("^/+", "/");
        });
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> pair = Combinators.combine(name, value, Arbitraries.of("=", "=", "=", ""))
                .as((n, v, equals) -> encode(n) + equals + (equals.isEmpty() ? "" : encode(v)));
        Arbitrary<String> query = pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? ""
                : "?" + String.join("&", pairs));
        return Combinators.combine(method, path, query).as((m, p, q) -> new Probe(m, p + q));
    }

    /** Sends {@code probe} to {@code localhost:port}. */
    public static HttpResponse<String> send(int port, Probe probe) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.target()))
                .method(probe.method(), probe.method().equals("POST") || probe.method().equals("PUT")
                        ? HttpRequest.BodyPublishers.ofString("{\"x\":1}") : HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What every answer must be. */
    public static void assertAnswered(Probe probe, HttpResponse<String> response) {
        int status = response.statusCode();
        assertTrue(status >= 200 && status < 600, probe + " answered " + status);
        String body = response.body();
        assertFalse(body.contains("\tat ") || body.contains("Exception:") || body.contains("at io.storyline"),
                () -> probe + " answered a stack trace: " + body);
        if (probe.method().equals("HEAD")) {
            assertTrue(body.isEmpty(), probe + " HEAD has no body");
            return;
        }
        assertFalse(body.isEmpty(), () -> probe + " answered " + status + " with an empty body");
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400) {
            assertTrue(type.startsWith("application/json"), () -> probe + " answered " + status + " as " + type);
            JsonNode json = parse(probe, body);
            assertTrue(json.isObject() && json.path("error").isTextual() && !json.get("error").asText().isBlank(),
                    () -> probe + " answered " + status + " without a reason: " + body);
        } else if (type.startsWith("application/json")) {
            parse(probe, body);
        }
    }

    private static JsonNode parse(Probe probe, String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return fail(probe + " answered a body that is not JSON: " + body);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
