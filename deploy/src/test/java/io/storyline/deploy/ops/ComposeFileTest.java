package io.storyline.deploy.ops;

import static io.storyline.deploy.ops.Deployables.at;
import static io.storyline.deploy.ops.Deployables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.runtime.StorylineConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose: a KRaft broker at the clients' version (or, with the override file, Storyline's own), a topic step,
 * and three services that scale; readable by docker compose and the classic docker-compose 1.29.
 */
class ComposeFileTest {

    private final Map<String, Object> compose = Deployables.documents(Deployables.composeFile()).get(0);
    private final List<Deployables.ServiceContainer> services = Deployables.composeServices();

    private Map<String, Object> service(String name) {
        Map<String, Object> service = at(compose, "services", name);
        assertNotNull(service, "compose service " + name);
        return service;
    }

    @Test
    void runsEachServiceOnce() {
        assertEquals(Deployables.SERVICES, services.stream().map(Deployables.ServiceContainer::service).toList());
    }

    @Test
    void theBrokerIsOneKraftNodeAtTheClientsVersionWithAutoCreationOff() {
        Map<String, Object> kafka = service("kafka");
        assertEquals("apache/kafka:" + System.getProperty("kafka.version"), text(kafka, "image"));
        Map<String, Object> environment = at(kafka, "environment");
        assertEquals("broker,controller", environment.get("KAFKA_PROCESS_ROLES"));
        assertEquals("false", String.valueOf(environment.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")));
        List<String> unknown = new ArrayList<>();
        environment.keySet().stream().filter(v -> v.startsWith("KAFKA_"))
                .filter(v -> !KnownSettings.isBrokerSetting(KnownSettings.brokerKeyOf(v))).forEach(unknown::add);
        assertEquals(List.of(), unknown, "broker variables that are no broker setting");
        String advertised = environment.get("KAFKA_ADVERTISED_LISTENERS").toString();
        for (Deployables.ServiceContainer container : services) {
            String bootstrap = container.environment().get("KAFKA_BOOTSTRAP_SERVERS");
            assertTrue(advertised.contains("//" + bootstrap), container.where() + " connects to " + bootstrap
                    + ", which the broker does not advertise: " + advertised);
        }
    }

    @Test
    void theTopicStepIsStorylinesOwnTopicsCommandWithPartitionsForScaling() {
        Map<String, Object> topics = service("topics");
        assertEquals(List.of("topics"), at(topics, "command"), "the launcher's topics command creates them");
        assertEquals(text(service("ingest"), "image"), text(topics, "image"), "it runs from the services' image");
        assertEquals("service_healthy", text(topics, "depends_on", "kafka", "condition"));
        assertEquals("no", text(topics, "restart"));
        Map<String, String> environment = new TreeMap<>();
        Deployables.<Map<String, Object>>at(topics, "environment").forEach((k, v) -> environment.put(k, v.toString()));
        environment.keySet().stream().filter(v -> v.startsWith("STORYLINE_"))
                .forEach(v -> assertTrue(OperatorGuide.documentedVariables().containsKey(v), v + " is documented"));
        StorylineConfig config = ServiceFacts.configOf(environment);
        int partitions = config.integer("storyline.topics.partitions", 3);
        for (Deployables.ServiceContainer container : services) {
            assertEquals("service_completed_successfully",
                    text(container.spec(), "depends_on", "topics", "condition"),
                    container.where() + " starts after the topics exist");
            assertFalse(ServiceFacts.configOf(container.environment()).bool("storyline.topics.create", true),
                    container.where() + " must not create topics");
            assertEquals(config.string("bootstrap.servers", null),
                    container.environment().get("KAFKA_BOOTSTRAP_SERVERS"), "the same cluster");
        }
        assertTrue(partitions >= 3, "`--scale enrich=3` needs at least 3 partitions, the topics step makes "
                + partitions);
    }

    @Test
    void theClassicDockerComposeReadsItAndTheProjectNameComesFromDotEnv() {
        compose.keySet().forEach(key -> assertTrue(key.equals("services") || key.startsWith("x-"),
                "docker-compose 1.29 refuses the top-level key " + key));
        assertTrue(Deployables.read(Deployables.composeFile().resolveSibling(".env")).lines()
                .anyMatch(line -> line.equals("COMPOSE_PROJECT_NAME=storyline")));
        Map<String, Object> build = at(service("ingest"), "build");
        assertEquals("${JDK_IMAGE:-" + ContainerImageTest.argDefault("JDK_IMAGE") + "}",
                text(build, "args", "JDK_IMAGE"));
        assertEquals("${JRE_IMAGE:-" + ContainerImageTest.argDefault("JRE_IMAGE") + "}",
                text(build, "args", "JRE_IMAGE"));
    }

    @Test
    void theServicesRunTheImageTheBuildNames() throws Exception {
        String image = ContainerImageTest.storylineImage();
        String tag = image.substring(image.indexOf(':') + 1);
        for (String name : Deployables.SERVICES) {
            assertEquals("storyline:${STORYLINE_VERSION:-" + tag + "}", text(service(name), "image"), name);
        }
    }

    @Test
    void theOverrideRunsTheBrokerFromStorylinesImageWithTheSameSettings() {
        Map<String, Object> override = Deployables.documents(Deployables.composeFile()
                .resolveSibling("compose.storyline-broker.yaml")).get(0);
        assertEquals(List.of("kafka"), List.copyOf(Deployables.<Map<String, Object>>at(override, "services")
                .keySet()), "the override changes the broker only");
        Map<String, Object> kafka = at(override, "services", "kafka");
        assertEquals(text(service("ingest"), "image"), text(kafka, "image"));
        assertEquals(Deployables.<Object>at(service("ingest"), "build"), Deployables.<Object>at(kafka, "build"),
                "built like the services' image");
        assertEquals(List.of("broker"), at(kafka, "command"));
        Map<String, Object> environment = new TreeMap<>(Deployables.<Map<String, Object>>at(service("kafka"),
                "environment"));
        environment.putAll(Deployables.<Map<String, Object>>at(kafka, "environment"));
        List<String> ignored = new ArrayList<>();
        environment.keySet().stream().filter(v -> v.startsWith("KAFKA_"))
                .filter(v -> !KnownSettings.isBrokerSetting(KnownSettings.brokerKeyOf(v))).forEach(ignored::add);
        assertEquals(List.of(), ignored, "variables `storyline broker` would ignore");
        assertTrue(text(kafka, "environment", "KAFKA_LOG_DIRS").startsWith("/var/lib/storyline/"),
                "the log survives a broker restart, in a directory the image's user may write");
    }

    @Test
    void everyServiceScalesNoFixedHostPortNoContainerName() {
        for (String name : Deployables.SERVICES) {
            Map<String, Object> service = service(name);
            assertNull(service.get("container_name"), name);
            for (Object port : Deployables.<List<Object>>at(service, "ports")) {
                assertFalse(port.toString().contains(":"), name + " publishes a fixed host port: " + port);
            }
            for (Object volume : Objects.requireNonNullElse(Deployables.<List<Object>>at(service, "volumes"),
                    List.<Object>of())) {
                assertTrue(volume.toString().startsWith("./") && volume.toString().endsWith(":ro"), name
                        + " mounts " + volume + ": only read-only configuration; a named volume would be shared by "
                        + "every replica");
            }
        }
    }

    @Test
    void theAlertRulesTheServiceIsGivenAreTheMountedFileAndValid() throws Exception {
        Deployables.ServiceContainer alert = services.stream().filter(c -> c.service().equals("alert")).findFirst()
                .orElseThrow();
        java.nio.file.Path rules = java.nio.file.Path.of(Deployables.onThisMachine(alert.environment())
                .get("STORYLINE_ALERT_RULES"));
        assertTrue(java.nio.file.Files.isRegularFile(rules), "the rules file the alert service is given: " + rules);
        io.storyline.alert.rules.RulesFile.read(rules);
    }

    @Test
    void healthchecksAskForReadinessOnTheHttpPort() {
        for (Deployables.ServiceContainer container : services) {
            String port = container.environment().get("STORYLINE_HTTP_PORT");
            assertNotNull(port, container.where() + " serves no health endpoint");
            String test = String.join(" ", Deployables.<List<String>>at(container.spec(), "healthcheck", "test"));
            assertTrue(test.contains("/opt/storyline/bin/http-probe localhost:" + port + "/health/ready"),
                    container.where() + ": " + test);
            assertTrue(Deployables.<List<Object>>at(container.spec(), "ports").contains(port),
                    container.where() + " publishes its HTTP port");
        }
    }

    @Test
    void environmentHoldsOnlySettingsTheServicesReadAndWhatTheyNeed() {
        List<String> problems = new ArrayList<>();
        services.forEach(container -> problems.addAll(EnvironmentCheck.problems(container)));
        assertEquals(List.of(), problems);
    }

    @Test
    void heapStaysWithinEachServicesBudget() {
        Map<String, Long> heaps = new LinkedHashMap<>();
        for (Deployables.ServiceContainer container : services) {
            // mem_limit, not deploy.resources: docker-compose 1.29 applies only the former.
            String limit = text(container.spec(), "mem_limit");
            assertNotNull(limit, container.where() + " has no memory limit");
            heaps.put(container.service(), Memory.heapBytes(Deployables.bytes(limit), container.environment()));
        }
        heaps.forEach((service, heap) -> assertTrue(heap <= Memory.heapBudget(service,
                        services.stream().filter(c -> c.service().equals(service)).findFirst().orElseThrow()
                                .environment()),
                service + " heap " + (heap >> 20) + " MiB"));
        assertEquals(new TreeSet<>(Deployables.SERVICES), heaps.keySet());
    }
}
