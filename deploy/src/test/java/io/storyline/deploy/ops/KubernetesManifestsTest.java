package io.storyline.deploy.ops;

import static io.storyline.deploy.ops.Deployables.at;
import static io.storyline.deploy.ops.Deployables.list;
import static io.storyline.deploy.ops.Deployables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s: the kustomize base (Strimzi Kafka and topics, the three services with probes, budgets, disruption
 * budgets and KEDA autoscaling) and the production overlay, checked against the services' code.
 */
class KubernetesManifestsTest {

    private static final Path BASE = Deployables.k8sDir().resolve("base");
    private static final Path PRODUCTION = Deployables.k8sDir().resolve("overlays/production");

    private final List<Deployables.Resource> base = Deployables.kustomization(BASE);
    private final List<Deployables.ServiceContainer> containers = Deployables.workloadContainers(base);

    private List<Deployables.Resource> ofKind(String kind) {
        return base.stream().filter(r -> kind.equals(r.kind())).toList();
    }

    private Deployables.Resource resource(String kind, String name) {
        return base.stream().filter(r -> kind.equals(r.kind()) && name.equals(r.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private Deployables.Resource workload(String service) {
        // The board's Deployment runs no service: it has no container among the services'.
        return base.stream().filter(r -> List.of("Deployment", "StatefulSet").contains(r.kind()))
                .filter(r -> containers.stream().anyMatch(c -> c.where().equals(r.kind() + " " + r.name())
                        && c.service().equals(service))).findFirst()
                .orElseThrow(() -> new AssertionError("no workload runs " + service));
    }

    private Deployables.ServiceContainer containerOf(Deployables.Resource workload) {
        return containers.stream().filter(c -> c.where().equals(workload.kind() + " " + workload.name()))
                .findFirst().orElseThrow();
    }

    private Map<String, String> sharedEnvironment() {
        Map<String, String> data = new TreeMap<>();
        Map<String, Object> configMap = at(resource("ConfigMap", "storyline-env").document(), "data");
        configMap.forEach((k, v) -> data.put(k, v.toString()));
        return data;
    }

    private Map<String, Integer> topicPartitions() {
        Map<String, Integer> partitions = new TreeMap<>();
        for (Deployables.Resource topic : ofKind("KafkaTopic")) {
            partitions.put(Objects.requireNonNullElse(text(topic.document(), "spec", "topicName"), topic.name()),
                    (Integer) at(topic.document(), "spec", "partitions"));
        }
        return partitions;
    }

    @Test
    void everyManifestParsesAndBelongsToItsKustomization() {
        for (Path file : Deployables.yamlFiles(Deployables.k8sDir())) {
            for (Map<String, Object> document : Deployables.documents(file)) {
                assertNotNull(document.get("apiVersion"), file.toString());
                assertNotNull(document.get("kind"), file.toString());
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    assertNotNull(Deployables.name(document), file + ": a " + document.get("kind") + " without a name");
                }
            }
        }
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Map<String, Object> kustomization = Deployables.documents(dir.resolve("kustomization.yaml")).get(0);
            Set<Path> listed = new HashSet<>();
            for (Object entry : Objects.requireNonNullElse(Deployables.<List<Object>>at(kustomization, "resources"),
                    List.of())) {
                listed.add(dir.resolve(entry.toString()).normalize());
            }
            for (Map<String, Object> patch : list(kustomization, "patches")) {
                if (patch.get("path") != null) {
                    listed.add(dir.resolve(patch.get("path").toString()).normalize());
                }
            }
            listed.forEach(path -> assertTrue(Files.exists(path), dir + " lists a missing " + path));
            for (Path file : Deployables.yamlFiles(dir)) {
                if (file.getParent().equals(dir) && !file.getFileName().toString().equals("kustomization.yaml")) {
                    assertTrue(listed.contains(file), file + " is in no kustomization");
                }
            }
        }
    }

    @Test
    void kafkaIsKraftAtTheClientsVersionWithATopicForEveryTopicTheServicesUse() {
        Deployables.Resource kafka = ofKind("Kafka").get(0);
        String version = System.getProperty("kafka.version");
        assertEquals(version, text(kafka.document(), "spec", "kafka", "version"));
        // The metadata version names the release it belongs to: 4.4.0 is 4.4-IVn.
        String release = version.substring(0, version.lastIndexOf('.'));
        assertTrue(text(kafka.document(), "spec", "kafka", "metadataVersion").startsWith(release + "-IV"),
                "metadataVersion of Kafka " + release);
        assertEquals(Boolean.FALSE, at(kafka.document(), "spec", "kafka", "config", "auto.create.topics.enable"));
        Map<String, Object> brokerConfig = at(kafka.document(), "spec", "kafka", "config");
        brokerConfig.keySet().forEach(key -> assertTrue(KnownSettings.isBrokerSetting(key), key));
        Deployables.Resource pool = ofKind("KafkaNodePool").get(0);
        assertEquals(kafka.name(), text(pool.document(), "metadata", "labels", "strimzi.io/cluster"));
        assertEquals(List.of("controller", "broker"), at(pool.document(), "spec", "roles"));

        Map<String, Map<String, String>> expected = ServiceFacts.topicConfigs();
        assertEquals(expected.keySet(), topicPartitions().keySet(), "a KafkaTopic for every topic, and no other");
        for (Deployables.Resource topic : ofKind("KafkaTopic")) {
            assertEquals(kafka.name(), text(topic.document(), "metadata", "labels", "strimzi.io/cluster"));
            String name = text(topic.document(), "spec", "topicName");
            Map<String, Object> configs = Objects.requireNonNullElse(at(topic.document(), "spec", "config"), Map.of());
            expected.get(name).forEach((key, value) -> assertEquals(value, String.valueOf(configs.get(key)),
                    name + " " + key));
            configs.keySet().forEach(key -> assertTrue(KnownSettings.isTopicSetting(key), name + ": " + key));
        }
        assertEquals("compact", text(resource("KafkaTopic", "news-incidents").document(), "spec", "config",
                "cleanup.policy"));
    }

    @Test
    void ingestEnrichAndAlertAreDeploymentsAggregateAStatefulSet() {
        assertEquals("Deployment", workload("ingest").kind());
        assertEquals("Deployment", workload("enrich").kind());
        assertEquals("StatefulSet", workload("aggregate").kind());
        assertEquals("Deployment", workload("alert").kind());
        assertEquals(Deployables.SERVICES.size(), containers.size());
        assertEquals("false", sharedEnvironment().get("STORYLINE_TOPICS_CREATE"), "the topic operator owns topics");
    }

    @Test
    void environmentHoldsOnlySettingsTheServicesReadAndWhatTheyNeed() {
        List<String> problems = new ArrayList<>();
        containers.forEach(container -> problems.addAll(EnvironmentCheck.problems(container)));
        for (Deployables.Resource workload : ofKind("Deployment")) {
            assertEquals(Boolean.FALSE, at(workload.document(), "spec", "template", "spec", "enableServiceLinks"),
                    workload.name() + ": service links would add KAFKA_*-like variables");
        }
        for (Deployables.Resource workload : ofKind("StatefulSet")) {
            assertEquals(Boolean.FALSE, at(workload.document(), "spec", "template", "spec", "enableServiceLinks"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theAlertRulesAndSecretsAreTheComposeFilesMountedWhereTheServiceLooks() throws Exception {
        Path composed = Deployables.mountedFolders().get("/etc/storyline/alert");
        Map<String, Object> rules = at(resource("ConfigMap", "storyline-alert-rules").document(), "data");
        Map<String, Object> secrets = at(resource("Secret", "storyline-alert-webhooks").document(), "stringData");
        assertEquals(Files.readString(composed.resolve("rules.yaml")), rules.get("rules.yaml"),
                "the same rules as compose's");
        for (Map.Entry<String, Object> secret : secrets.entrySet()) {
            assertEquals(Files.readString(composed.resolve(secret.getKey())).strip(), secret.getValue().toString());
        }
        Deployables.ServiceContainer alert = containerOf(workload("alert"));
        assertTrue(alert.environment().get("STORYLINE_ALERT_RULES").startsWith("/etc/storyline/alert/"));
        assertTrue(list(alert.spec(), "volumeMounts").stream().anyMatch(m -> "/etc/storyline/alert".equals(
                text(m, "mountPath")) && Boolean.TRUE.equals(m.get("readOnly"))));
    }

    @Test
    void probesAskTheHealthEndpointsOnTheServicesHttpPort() {
        for (Deployables.ServiceContainer container : containers) {
            String port = container.environment().get("STORYLINE_HTTP_PORT");
            assertNotNull(port, container.where());
            Map<String, Object> http = list(container.spec(), "ports").stream()
                    .filter(p -> String.valueOf(p.get("containerPort")).equals(port)).findFirst()
                    .orElseThrow(() -> new AssertionError(container.where() + " does not open port " + port));
            String portName = text(http, "name");
            assertEquals("/health/live", text(container.spec(), "livenessProbe", "httpGet", "path"));
            assertEquals("/health/ready", text(container.spec(), "readinessProbe", "httpGet", "path"));
            assertEquals("/health/live", text(container.spec(), "startupProbe", "httpGet", "path"));
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertEquals(portName, text(container.spec(), probe, "httpGet", "port"), container.where() + probe);
            }
        }
    }

    @Test
    void requestsLimitsAndHeapWithinEachServicesBudget() {
        for (Deployables.ServiceContainer container : containers) {
            String limit = text(container.spec(), "resources", "limits", "memory");
            assertNotNull(limit, container.where() + " has no memory limit");
            assertNotNull(text(container.spec(), "resources", "requests", "memory"), container.where());
            assertNotNull(text(container.spec(), "resources", "requests", "cpu"), container.where());
            long heap = Memory.heapBytes(Deployables.bytes(limit), container.environment());
            assertTrue(heap <= Memory.heapBudget(container.service(), container.environment()),
                    container.where() + " heap " + (heap >> 20) + " MiB");
        }
    }

    @Test
    void stateDirectoryIsWritableEverywhereAndPersistentForAggregate() {
        for (Deployables.ServiceContainer container : containers) {
            String stateDir = container.environment().get("KAFKA_STATE_DIR");
            assertEquals(Boolean.TRUE, at(container.spec(), "securityContext", "readOnlyRootFilesystem"));
            Set<String> mounts = list(container.spec(), "volumeMounts").stream().map(m -> text(m, "mountPath"))
                    .collect(Collectors.toSet());
            assertTrue(mounts.containsAll(List.of(stateDir, "/tmp")), container.where() + " mounts " + mounts);
        }
        Map<String, Object> aggregate = workload("aggregate").document();
        String claim = text(aggregate, "spec", "volumeClaimTemplates", 0, "metadata", "name");
        Deployables.ServiceContainer container = containerOf(workload("aggregate"));
        assertTrue(list(container.spec(), "volumeMounts").stream().anyMatch(m -> claim.equals(text(m, "name"))
                && container.environment().get("KAFKA_STATE_DIR").equals(text(m, "mountPath"))),
                "the claim holds the state directory");
        assertTrue(list(aggregate, "spec", "template", "spec", "volumes").stream()
                .noneMatch(v -> claim.equals(text(v, "name"))), "no pod volume hides the claim");
    }

    @Test
    void aggregateUsesStaticMembershipStandbysAndAHeadlessService() {
        Deployables.Resource aggregate = workload("aggregate");
        Deployables.ServiceContainer container = containerOf(aggregate);
        Map<String, Object> instanceId = list(container.spec(), "env").stream()
                .filter(v -> "KAFKA_GROUP_INSTANCE_ID".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals("metadata.name", text(instanceId, "valueFrom", "fieldRef", "fieldPath"));
        assertEquals("group.instance.id", KnownSettings.keyOf("KAFKA_GROUP_INSTANCE_ID"));
        int standbys = Integer.parseInt(container.environment().get("KAFKA_NUM_STANDBY_REPLICAS"));
        assertTrue((Integer) at(aggregate.document(), "spec", "replicas") > standbys, "room for the standbys");
        Deployables.Resource service = resource("Service", text(aggregate.document(), "spec", "serviceName"));
        assertEquals("None", text(service.document(), "spec", "clusterIP"));
        assertEquals(Deployables.<Map<String, Object>>at(aggregate.document(), "spec", "selector", "matchLabels"),
                Deployables.<Map<String, Object>>at(service.document(), "spec", "selector"));
    }

    @Test
    void everyWorkloadHasADisruptionBudgetSelectingItsPods() {
        for (Deployables.Resource workload : base.stream()
                .filter(r -> List.of("Deployment", "StatefulSet").contains(r.kind())).toList()) {
            Map<String, Object> labels = at(workload.document(), "spec", "template", "metadata", "labels");
            assertEquals(Deployables.<Map<String, Object>>at(workload.document(), "spec", "selector", "matchLabels"),
                    labels.entrySet().stream().filter(e -> Deployables.<Map<String, Object>>at(workload.document(),
                                    "spec", "selector", "matchLabels").containsKey(e.getKey()))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            long budgets = ofKind("PodDisruptionBudget").stream().filter(pdb -> {
                Map<String, Object> selector = at(pdb.document(), "spec", "selector", "matchLabels");
                return selector != null && labels.entrySet().containsAll(selector.entrySet());
            }).count();
            assertEquals(1, budgets, workload.name() + " has one disruption budget");
        }
    }

    @Test
    void autoscalingFollowsTheConsumerLagOfEachInputAndStopsAtItsPartitions() {
        Map<String, Integer> partitions = topicPartitions();
        Map<String, String> shared = sharedEnvironment();
        for (String service : List.of("ingest", "enrich")) {
            Deployables.Resource workload = workload(service);
            Deployables.Resource scaled = ofKind("ScaledObject").stream()
                    .filter(s -> workload.name().equals(text(s.document(), "spec", "scaleTargetRef", "name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no ScaledObject for " + workload.name()));
            Map<String, Object> trigger = list(scaled.document(), "spec", "triggers").get(0);
            assertEquals("kafka", trigger.get("type"));
            StorylineConfig config = ServiceFacts.configOf(containerOf(workload).environment());
            String topic = text(trigger, "metadata", "topic");
            assertEquals(ServiceFacts.inputTopics(service, config), Set.of(topic), service + "'s input");
            assertEquals(ServiceFacts.applicationId(service, config), text(trigger, "metadata", "consumerGroup"));
            assertEquals(shared.get("KAFKA_BOOTSTRAP_SERVERS"), text(trigger, "metadata", "bootstrapServers"));
            int max = (Integer) at(scaled.document(), "spec", "maxReplicaCount");
            assertTrue(max <= partitions.get(topic), service + " scales to " + max + " > partitions of " + topic);
        }
    }

    @Test
    void theProductionOverlayPatchesWhatTheBaseHasWithSettingsTheServicesRead() {
        Map<String, Object> kustomization = Deployables.documents(PRODUCTION.resolve("kustomization.yaml")).get(0);
        assertEquals(List.of("../../base"), Deployables.<List<Object>>at(kustomization, "resources").stream()
                .map(Object::toString).filter(r -> r.startsWith("..")).toList());
        Set<String> baseImages = containers.stream().map(c -> text(c.spec(), "image").split(":")[0])
                .collect(Collectors.toSet());
        assertEquals(baseImages, Set.of(text(kustomization, "images", 0, "name")));

        List<Deployables.ServiceContainer> patched = new ArrayList<>();
        for (Map<String, Object> patch : list(kustomization, "patches")) {
            if (patch.get("path") != null) {
                for (Map<String, Object> document : Deployables.documents(PRODUCTION.resolve(text(patch, "path")))) {
                    resource(Deployables.kind(document), Deployables.name(document));
                    for (Map<String, Object> container : list(document, "spec", "template", "spec", "containers")) {
                        patched.add(new Deployables.ServiceContainer("overlay patch of " + Deployables.name(document),
                                text(container, "name"), Deployables.env(container), container));
                    }
                    if ("ConfigMap".equals(Deployables.kind(document))) {
                        Map<String, Object> data = at(document, "data");
                        Map<String, String> environment = new TreeMap<>();
                        data.forEach((k, v) -> environment.put(k, v.toString()));
                        Deployables.SERVICES.forEach(service -> patched.add(new Deployables.ServiceContainer(
                                "overlay ConfigMap for " + service, service, environment, Map.of())));
                    }
                }
            } else {
                String kind = text(patch, "target", "kind");
                assertFalse(ofKind(kind).isEmpty(), "the overlay patches " + kind + ", which the base lacks");
            }
        }
        List<String> problems = new ArrayList<>();
        for (Deployables.ServiceContainer container : patched) {
            container.environment().keySet().stream()
                    .filter(v -> v.startsWith("KAFKA_") && !KnownSettings.isClientOrStreamsSetting(KnownSettings.keyOf(v)))
                    .forEach(v -> problems.add(container.where() + ": " + v));
            container.environment().keySet().stream()
                    .filter(v -> v.startsWith("STORYLINE_") && !OperatorGuide.documentedVariables().containsKey(v))
                    .forEach(v -> problems.add(container.where() + ": " + v));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachServicesKafkaUserMayDoWhatItsApplicationNeeds() {
        List<Deployables.Resource> overlay = new ArrayList<>();
        Deployables.documents(PRODUCTION.resolve("users.yaml"))
                .forEach(d -> overlay.add(new Deployables.Resource(PRODUCTION.resolve("users.yaml"), d)));
        for (String service : Deployables.SERVICES) {
            StorylineConfig config = ServiceFacts.configOf(containerOf(workload(service)).environment());
            String applicationId = ServiceFacts.applicationId(service, config);
            Deployables.Resource user = overlay.stream().filter(u -> applicationId.equals(u.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + applicationId));
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> acl : list(user.document(), "spec", "authorization", "acls")) {
                for (Object operation : Deployables.<List<Object>>at(acl, "operations")) {
                    granted.add(text(acl, "resource", "type") + ":" + text(acl, "resource", "patternType") + ":"
                            + text(acl, "resource", "name") + ":" + operation);
                }
            }
            Set<String> inputs = ServiceFacts.inputTopics(service, config);
            for (Topic<?, ?> topic : ServiceFacts.kind(service).create().topics(config.topics())) {
                String operation = inputs.contains(topic.name()) ? "Read" : "Write";
                assertTrue(granted.contains("topic:literal:" + topic.name() + ":" + operation),
                        applicationId + " lacks " + operation + " on " + topic.name() + ": " + granted);
            }
            for (String needed : List.of("topic:prefix:" + applicationId + ":All",
                    "group:prefix:" + applicationId + ":Read",
                    "transactionalId:prefix:" + applicationId + ":Write")) {
                assertTrue(granted.contains(needed), applicationId + " lacks " + needed);
            }
        }
    }
}
