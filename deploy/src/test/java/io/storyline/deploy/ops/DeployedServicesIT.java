package io.storyline.deploy.ops;

import static io.storyline.common.testing.PrometheusScrape.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services as deployed: each runs on the real broker with its compose environment while an article
 * goes all the way to an incident (so every processor, the enricher included, has started), is sent again, and a
 * record without a body follows it. Then: the {@code STORYLINE_*} variables of every deployment file are settings
 * the services really looked up, the operator guide lists exactly those, and each service's {@code /metrics}
 * counted what happened.
 */
class DeployedServicesIT {

    private static final Map<String, Set<String>> READ = new TreeMap<>();
    private static final Map<String, String> SCRAPES = new TreeMap<>();
    private static String articleId;
    private static String rawTopic;

    /** Variables the logging configuration reads itself ({@code ${env:NAME}} in log4j2.xml). */
    static Set<String> loggingVariables() throws Exception {
        Set<String> variables = new TreeSet<>();
        try (InputStream in = DeployedServicesIT.class.getResourceAsStream("/log4j2.xml")) {
            Matcher matcher = Pattern.compile("\\$\\{env:([A-Z0-9_]+)").matcher(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    /** The variable the launcher reads to print stack traces. */
    static String launcherDebugVariable() {
        try {
            java.lang.reflect.Field field = io.storyline.launcher.Main.class.getDeclaredField("DEBUG_ENV");
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the launcher no longer names its debug variable DEBUG_ENV", e);
        }
    }

    @BeforeAll
    static void runTheServices() throws Exception {
        Pipeline pipeline = new Pipeline("deployed", 1);
        try (pipeline) {
            Map<String, ServiceRuntime> runtimes = new LinkedHashMap<>();
            for (String service : Deployables.SERVICES) {
                runtimes.put(service, pipeline.start(service));
            }
            Map.Entry<String, String> article = ScaleOutIT.articles().entrySet().iterator().next();
            articleId = article.getKey();
            rawTopic = pipeline.topics().raw().name();
            // One key, one partition: the re-send and the bodiless record are processed after the article, in order.
            pipeline.publish(Map.of(articleId, article.getValue()));
            pipeline.publish(Map.of(articleId, article.getValue()));
            pipeline.publish(Map.of(articleId, "{\"id\":\"" + articleId + "-empty\",\"body\":\" \"}"));
            // The board reads its settings as it starts, beside the services, as compose runs it.
            pipeline.startBoard();
            pipeline.awaitIncidentsHolding(Set.of(articleId));
            pipeline.awaitDeadLetters(1);
            runtimes.forEach((service, runtime) -> SCRAPES.put(service, pipeline.scrape(runtime)));
        }
        // Read after closing: shutting down looks settings up too.
        Deployables.SERVICES.forEach(service -> READ.put(service, pipeline.keysRead(service)));
        READ.put(Deployables.BOARD, pipeline.keysRead(Deployables.BOARD));
    }

    @Test
    void eachServiceCountedWhatItDid() {
        String ingest = SCRAPES.get("ingest");
        assertEquals(Optional.of(3.0), sample(ingest, "storyline_records_in_total", "topic=\"" + rawTopic + "\""));
        assertEquals(Optional.of(1.0), sample(ingest, "storyline_records_out_total"));
        assertEquals(Optional.of(1.0), sample(ingest, "storyline_duplicates_total"), "the re-send was dropped");
        assertEquals(Optional.of(1.0), sample(ingest, "storyline_records_rejected_total", "reason=\"no-text\""));
        assertEquals(Optional.of(1.0), sample(SCRAPES.get("enrich"), "storyline_records_in_total"));
        assertEquals(Optional.of(1.0), sample(SCRAPES.get("enrich"), "storyline_records_out_total"));
        String aggregate = SCRAPES.get("aggregate");
        assertEquals(Optional.of(1.0), sample(aggregate, "storyline_incidents_opened_total"));
        assertEquals(Optional.empty(), sample(aggregate, "storyline_incidents_merged_total"));
        assertTrue(sample(aggregate, "storyline_end_to_end_latency_seconds_count", "topic=\"", "incidents\"")
                .orElse(0.0) >= 1, "publication to incident updated, measured");
        for (String service : Deployables.SERVICES) {
            assertEquals(Optional.of(1.0), sample(SCRAPES.get(service), "kafka_stream_alive_stream_threads",
                    "service=\"" + service + "\""));
        }
    }

    @Test
    void everyStorylineVariableDeployedIsReadByItsServiceAndDocumented() throws Exception {
        Map<String, Set<String>> read = READ;

        List<String> everything = new ArrayList<>(Deployables.SERVICES);
        everything.add(Deployables.BOARD);
        List<Deployables.ServiceContainer> containers = new ArrayList<>(Deployables.composeContainers(everything));
        containers.addAll(Deployables.workloadContainers(
                Deployables.kustomization(Deployables.k8sDir().resolve("base")), everything));
        containers.addAll(Deployables.workloadContainers(
                Deployables.kustomization(Deployables.k8sDir().resolve("overlays/production")), everything));
        Set<String> logging = loggingVariables();
        List<String> unread = new ArrayList<>();
        for (Deployables.ServiceContainer container : containers) {
            container.environment().keySet().stream()
                    .filter(variable -> variable.startsWith(StorylineConfig.PREFIX.toUpperCase().replace('.', '_')))
                    .filter(variable -> !logging.contains(variable))
                    .filter(variable -> !read.get(container.service()).contains(KnownSettings.keyOf(variable)))
                    .forEach(variable -> unread.add(container.where() + ": " + variable));
        }
        assertEquals(List.of(), unread, "variables their service never reads");

        Map<String, String> documented = OperatorGuide.documentedVariables();
        Set<String> storylineKeysRead = new TreeSet<>();
        read.values().forEach(keys -> keys.stream().filter(k -> k.startsWith(StorylineConfig.PREFIX))
                .forEach(storylineKeysRead::add));
        Set<String> undocumented = new TreeSet<>();
        storylineKeysRead.stream().filter(key -> !key.equals(documented.get(StorylineConfig.envNameOf(key))))
                .forEach(undocumented::add);
        assertEquals(Set.of(), undocumented, "settings the services read that deploy/README.md does not list");

        Set<String> stale = new TreeSet<>();
        documented.forEach((variable, key) -> {
            boolean readDirectly = key.isEmpty() && (logging.contains(variable) || variable.equals(launcherDebugVariable()));
            if (!readDirectly && !storylineKeysRead.contains(key)) {
                stale.add(variable);
            }
        });
        assertEquals(Set.of(), stale, "settings deploy/README.md lists that no service reads");
    }
}
