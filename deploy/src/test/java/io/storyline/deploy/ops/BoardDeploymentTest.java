package io.storyline.deploy.ops;

import static io.storyline.deploy.ops.Deployables.at;
import static io.storyline.deploy.ops.Deployables.list;
import static io.storyline.deploy.ops.Deployables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.board.BoardSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/**
 * The board as compose and Kubernetes run it. It is no Kafka Streams service: no state, no consumer group, no
 * topics of its own, so the checks are the ones that apply to a reader with a web page: it starts after the
 * topics exist, answers health on its HTTP port, publishes the page, gets only settings it reads, and stays in a
 * small heap.
 */
class BoardDeploymentTest {

    private static final long BOARD_HEAP_BUDGET = 256L << 20;

    private static List<Deployables.ServiceContainer> everywhere() {
        List<Deployables.ServiceContainer> containers = new ArrayList<>(
                Deployables.composeContainers(List.of(Deployables.BOARD)));
        containers.addAll(Deployables.workloadContainers(
                Deployables.kustomization(Deployables.k8sDir().resolve("base")), List.of(Deployables.BOARD)));
        return containers;
    }

    @Test
    void composeAndKubernetesEachRunOneBoard() {
        assertEquals(2, everywhere().size(), everywhere().toString());
    }

    @Test
    void theBoardGetsOnlyClientSettingsAndDocumentedStorylineSettings() {
        Set<String> documented = OperatorGuide.documentedVariables().keySet();
        // The image's own settings (the Streams state directory) reach every container; the board ignores them.
        Set<String> fromImage = Deployables.imageEnvironment().keySet();
        List<String> problems = new ArrayList<>();
        for (Deployables.ServiceContainer container : everywhere()) {
            container.environment().forEach((variable, value) -> {
                if (fromImage.contains(variable) && value.equals(Deployables.imageEnvironment().get(variable))) {
                    return;
                }
                String key = KnownSettings.keyOf(variable);
                if (variable.startsWith("KAFKA_") && !ConsumerConfig.configNames().contains(key)
                        && !AdminClientConfig.configNames().contains(key)) {
                    problems.add(container.where() + ": " + variable + " is no consumer or admin client setting");
                }
                if (variable.startsWith("STORYLINE_") && !documented.contains(variable)) {
                    problems.add(container.where() + ": " + variable + " is not in deploy/README.md");
                }
            });
            assertNotNull(container.environment().get("KAFKA_BOOTSTRAP_SERVERS"), container.where());
            BoardSettings.from(ServiceFacts.configOf(container.environment()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void composeStartsItAfterTheTopicsAndPublishesThePage() {
        Deployables.ServiceContainer board = Deployables.composeContainers(List.of(Deployables.BOARD)).get(0);
        String port = board.environment().get("STORYLINE_HTTP_PORT");
        assertEquals("service_completed_successfully", text(board.spec(), "depends_on", "topics", "condition"));
        assertTrue(String.join(" ", Deployables.<List<String>>at(board.spec(), "healthcheck", "test"))
                .contains("localhost:" + port + "/health/ready"));
        assertTrue(Deployables.<List<Object>>at(board.spec(), "ports").stream()
                .anyMatch(p -> p.toString().endsWith(":" + port)), "the page is on a host port");
        long heap = Memory.heapBytes(Deployables.bytes(text(board.spec(), "mem_limit")),
                board.environment());
        assertTrue(heap <= BOARD_HEAP_BUDGET, "board heap " + (heap >> 20) + " MiB");
    }

    @Test
    void kubernetesProbesItsHealthAndServesThePage() {
        List<Deployables.Resource> base = Deployables.kustomization(Deployables.k8sDir().resolve("base"));
        Deployables.ServiceContainer board = Deployables.workloadContainers(base, List.of(Deployables.BOARD)).get(0);
        assertEquals("/health/live", text(board.spec(), "livenessProbe", "httpGet", "path"));
        assertEquals("/health/ready", text(board.spec(), "readinessProbe", "httpGet", "path"));
        assertEquals(Boolean.TRUE, at(board.spec(), "securityContext", "readOnlyRootFilesystem"));
        assertTrue(list(board.spec(), "volumeMounts").stream().anyMatch(m -> "/tmp".equals(text(m, "mountPath"))));
        long heap = Memory.heapBytes(Deployables.bytes(text(board.spec(), "resources", "limits", "memory")),
                board.environment());
        assertTrue(heap <= BOARD_HEAP_BUDGET, "board heap " + (heap >> 20) + " MiB");
        Deployables.Resource service = base.stream().filter(r -> "Service".equals(r.kind())
                && "storyline-board".equals(r.name())).findFirst().orElseThrow();
        Map<String, Object> selector = at(service.document(), "spec", "selector");
        assertEquals("board", selector.get("app.kubernetes.io/component"));
    }
}
