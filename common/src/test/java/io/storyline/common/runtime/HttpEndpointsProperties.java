package io.storyline.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.metrics.ServiceMeters;
import io.storyline.common.testing.HttpProbes;
import io.storyline.common.testing.HttpProbes.Probe;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The HTTP server every service runs: whatever is asked, and whatever a route does wrong, the answer has a status
 * and a body, a JSON reason when it is not a success, and never a stack trace. The routes here fail on purpose
 * the ways a route can (a bad request, a bug, an I/O error, a failure after the status was sent); the real
 * services' routes are probed by the deployment's {@code HttpAnswersIT}.
 */
class HttpEndpointsProperties {

    private static HttpEndpoints http;
    private static ServiceMeters meters;

    @BeforeContainer
    static void serve() {
        http = HttpEndpoints.startIfConfigured(StorylineConfig.of(Map.of(HttpEndpoints.PORT, "0")));
        meters = new ServiceMeters("test");
        meters.metrics().rejected("test-reason");
        http.serveMetrics(meters);
        http.route("/bad", exchange -> {
            throw new BadRequestException("limit must be a whole number, not 'x'");
        });
        http.route("/bug", exchange -> {
            throw new IllegalStateException("a defect in the route");
        });
        http.route("/io", exchange -> {
            throw new IOException("disk gone");
        });
        http.route("/deep", exchange -> recurse(0));
        http.route("/late", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            throw new IllegalStateException("failed after the status line");
        });
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @AfterContainer
    static void stop() {
        http.close();
        meters.close();
    }

    @Provide
    Arbitrary<Probe> probes() {
        return HttpProbes.probes();
    }

    @Property(tries = 300)
    void everyRequestIsAnsweredWithAStatusAndAReason(@ForAll("probes") Probe probe) throws Exception {
        HttpProbes.assertAnswered(probe, HttpProbes.send(http.port(), probe));
    }

    @Example
    void eachWayARouteFailsHasItsStatus() throws Exception {
        Map<String, Integer> expected = Map.of("/bad", 400, "/bug", 500, "/io", 500, "/deep", 500, "/nowhere", 404,
                "/metrics", 200);
        for (Map.Entry<String, Integer> route : expected.entrySet()) {
            Probe probe = new Probe("GET", route.getKey());
            HttpResponse<String> response = HttpProbes.send(http.port(), probe);
            assertEquals(route.getValue(), response.statusCode(), route.getKey() + ": " + response.body());
            HttpProbes.assertAnswered(probe, response);
        }
        assertEquals("{\"error\":\"limit must be a whole number, not 'x'\"}",
                HttpProbes.send(http.port(), new Probe("GET", "/bad")).body());
        assertEquals(405, HttpProbes.send(http.port(), new Probe("DELETE", "/metrics")).statusCode());
        assertEquals(200, HttpProbes.send(http.port(), new Probe("GET", "/late")).statusCode(),
                "a route that fails after its status is out still ends its answer");
    }
}
