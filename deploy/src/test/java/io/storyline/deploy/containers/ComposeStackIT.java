package io.storyline.deploy.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.topic.Topics;
import io.storyline.deploy.faults.PipelineAudit;
import io.storyline.launcher.bench.Newsroom;
import io.storyline.launcher.bench.PacedPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stack as an operator runs it: the image built, {@code deploy/compose} started, the project's own invented
 * articles published from this machine, enrich scaled to three and aggregate to two mid-stream, then one enrich and
 * the aggregate that runs the clustering task killed with SIGKILL (and started again, as a platform restarts
 * them). Read as a downstream consumer reads ({@code read_committed}), every article must be in exactly one
 * incident, nothing written twice, counts equal to members; every instance answers {@code /health/ready} and
 * {@code /metrics} from inside the compose network; {@code down -v} leaves nothing behind.
 *
 * <p>Needs a Docker engine and a compose client: {@code ./mvnw verify -Pcontainers} (what {@code .ci/run} runs when an
 * engine answers).
 */
@Tag("containers")
class ComposeStackIT {

    /** Twelve events, four outlets each, some reprints: 48 articles of the project's own invented newsroom. */
    private static final List<Newsroom.Story> STORIES = new Newsroom(13).write(12, 4, 0.15);
    private static final Map<String, Set<String>> EXPECTED = Newsroom.expectedIncidents(STORIES);
    /** Killed members leave their group after the session timeout (45 s), enrich loads its models again. */
    private static final Duration RECOVERY = Duration.ofMinutes(10);

    @Test
    void builtStartedScaledAndKilledTheStackLosesAndDuplicatesNothing() throws Exception {
        Path composeDir = Path.of(System.getProperty("user.dir"), "compose");
        try (ComposeStack stack = ComposeStack.create(composeDir, System.getProperty("kafka.version"))) {
            System.out.println("containers: " + String.join("; ", stack.choices()));
            Duration build = stack.build();
            System.out.println("containers: image built in " + build.toSeconds() + " s");
            Instant up = Instant.now();
            stack.up(Map.of());
            stack.awaitHealthy(RECOVERY);
            System.out.println("containers: stack up and healthy in " + Duration.between(up, Instant.now()).toSeconds()
                    + " s");

            Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
            int third = STORIES.size() / 3;
            try (PipelineAudit audit = new PipelineAudit(client, Topics.defaults(), RECOVERY);
                 PacedPublisher publisher = new PacedPublisher(client, Topics.defaults().raw().name())) {
                publisher.publish(STORIES.subList(0, third), 4);
                audit.awaitOutput("aggregate", third / 2);

                Instant scaled = Instant.now();
                stack.up(Map.of("enrich", 3, "aggregate", 2));
                assertEquals(3, stack.running("enrich").size());
                assertEquals(2, stack.running("aggregate").size());
                stack.awaitHealthy(RECOVERY);
                System.out.println("containers: scaled to enrich=3 aggregate=2, healthy in "
                        + Duration.between(scaled, Instant.now()).toSeconds() + " s");
                publisher.publish(STORIES.subList(third, 2 * third), 4);
                audit.awaitOutput("aggregate", third + third / 2);

                String enrich = stack.running("enrich").get(1);
                String clustering = clusteringAggregate(stack, client);
                stack.kill(enrich);
                stack.kill(clustering);
                publisher.publish(STORIES.subList(2 * third, STORIES.size()), 4);
                stack.start(enrich);
                stack.start(clustering);
                publisher.awaitAcknowledged();

                List<String> problems = audit.awaitPlaced(ids()).problems(EXPECTED);
                assertEquals(List.of(), problems, stack.logs());
                System.out.println("containers: killed enrich " + enrich.substring(0, 12) + " and the clustering "
                        + "aggregate " + clustering.substring(0, 12) + " mid-stream: " + audit.summary()
                        + ", 0 lost, 0 duplicated");
            }

            stack.awaitHealthy(RECOVERY);
            assertEveryInstanceAnswersFromInsideTheNetwork(stack);
            List<String> left = stack.downAndLeftovers();
            assertEquals(List.of(), left, "down -v left these behind");
            System.out.println("containers: down -v left nothing behind");
        }
    }

    private static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        EXPECTED.values().forEach(ids::addAll);
        return ids;
    }

    /**
     * The aggregate container whose consumer owns the one-partition clustering repartition topic: the group's
     * member on that partition, matched to a container by the address the broker sees it at.
     */
    private static String clusteringAggregate(ComposeStack stack, Map<String, Object> client)
            throws InterruptedException, ExecutionException {
        Instant giveUp = Instant.now().plus(RECOVERY);
        try (Admin admin = Admin.create(client)) {
            while (Instant.now().isBefore(giveUp)) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("storyline-aggregate"))
                        .all().get().get("storyline-aggregate");
                for (MemberDescription member : group.members()) {
                    boolean clustering = member.assignment().topicPartitions().stream()
                            .anyMatch(p -> p.topic().endsWith("clustering-input-repartition"));
                    String host = member.host().replaceFirst("^/", "");
                    for (String container : stack.running("aggregate")) {
                        if (clustering && stack.ip(container).equals(host)) {
                            return container;
                        }
                    }
                }
                ComposeStack.pollInterval();
            }
        }
        throw new AssertionError("no aggregate instance owns the clustering task within " + RECOVERY);
    }

    private static void assertEveryInstanceAnswersFromInsideTheNetwork(ComposeStack stack) {
        String from = stack.running("ingest").get(0);
        List<String> answered = new ArrayList<>();
        for (String service : ComposeStack.SERVICES) {
            for (String container : stack.running(service)) {
                String address = stack.ip(container) + ":8080";
                Cli.Result ready = stack.probe(from, address + "/health/ready");
                assertTrue(ready.ok(), service + " " + address + " /health/ready: " + ready.output());
                Cli.Result metrics = stack.probe(from, address + "/metrics");
                // JVM series are there from the start; Storyline's own once an instance has counted something.
                assertTrue(metrics.ok() && metrics.output().contains("jvm_memory_used_bytes"),
                        service + " " + address + " /metrics: " + Cli.tail(metrics.output()));
                answered.add(service + "@" + address);
            }
        }
        assertEquals(6, answered.size(), answered.toString());
        System.out.println("containers: /health/ready and /metrics answer from inside the network: " + answered);
    }
}
