package io.storyline.deploy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.testing.HttpProbes;
import io.storyline.common.testing.HttpProbes.Probe;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The HTTP endpoints of the three services as deployed, on the real broker, once an article has become an
 * incident (so aggregate's query view holds something): generated paths, parameters and methods always get a
 * status, and anything but a success a JSON reason; never an empty reply, never a stack trace.
 */
class HttpAnswersIT {

    private static Pipeline pipeline;
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static String incidentId;

    @BeforeContainer
    static void runTheServices() throws Exception {
        pipeline = new Pipeline("http-answers", 2);
        List<ServiceRuntime> runtimes = new ArrayList<>();
        for (String service : Deployables.SERVICES) {
            ServiceRuntime runtime = pipeline.start(service);
            runtimes.add(runtime);
            PORTS.put(service, runtime.httpPort());
        }
        Map.Entry<String, String> article = ScaleOutIT.articles().entrySet().iterator().next();
        pipeline.publish(Map.of(article.getKey(), article.getValue()));
        Incident incident = pipeline.awaitIncidentsHolding(Set.of(article.getKey())).values().iterator()
                .next();
        incidentId = incident.incidentId();
        runtimes.forEach(pipeline::awaitReady);
    }

    @AfterContainer
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Provide
    Arbitrary<Map.Entry<String, Probe>> probes() {
        Arbitrary<Probe> nearIncidents = Combinators.combine(Arbitraries.of("GET", "GET", "HEAD", "POST"),
                Arbitraries.of("/incidents/" + incidentId, "/incidents/" + incidentId + "x", "/incidents/%20",
                        "/incidents?since=2020-01-01T00:00:00Z&limit=-5", "/incidents?since=2020-01-01&limit=3",
                        "/incidents?limit=", "/incidents?since=", "/incidents?since=yesterday",
                        "/incidents?limit=1&limit=0", "/incidents?&&", "/incidents?since", "/incidents/?limit=2"))
                .as(Probe::new);
        return Combinators.combine(Arbitraries.of(List.copyOf(PORTS.keySet())),
                        Arbitraries.oneOf(HttpProbes.probes(), nearIncidents))
                .as(Map::entry);
    }

    @Property(tries = 200)
    void everyServiceAnswersEveryRequestWithAStatusAndAReason(@ForAll("probes") Map.Entry<String, Probe> call)
            throws Exception {
        HttpProbes.assertAnswered(call.getValue(), HttpProbes.send(PORTS.get(call.getKey()), call.getValue()));
    }

    @Example
    void aNegativeLimitIsABadRequestThatSaysSo() throws Exception {
        HttpResponse<String> response = HttpProbes.send(PORTS.get("aggregate"),
                new Probe("GET", "/incidents?since=2020-01-01T00:00:00Z&limit=-5"));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("limit must be a whole number from 1 to 10000, not '-5'",
                Json.mapper().readTree(response.body()).get("error").asText());

        HttpResponse<String> found = HttpProbes.send(PORTS.get("aggregate"),
                new Probe("GET", "/incidents?since=2020-01-01&limit=1"));
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains(incidentId), found.body());
        assertEquals(400, HttpProbes.send(PORTS.get("aggregate"), new Probe("GET", "/incidents?sinse=2020-01-01"))
                .statusCode(), "a misspelt parameter is not silently ignored");
        assertEquals(404, HttpProbes.send(PORTS.get("enrich"), new Probe("GET", "/incidents")).statusCode());
    }
}
