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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/compose: a KRaft broker at the clients' version, a topic step, and three services that scale. */
class ComposeFileTest {

    private final Map<String, Object> compose = Deployables.documents(Deployables.composeFile()).get(0);
    private final List<Deployables.ServiceContainer> services = Deployables.composeServices();

    private Map<String, Object> service(String name) {
        Map<String, Object> service = at(compose, "services", name);
        assertNotNull(service, "compose service " + name);
        return service;
    }

    /** The topic step's {@code create TOPIC PARTITIONS [CONFIG=VALUE...]} lines: topic to partitions and configs. */
    static Map<String, Map.Entry<Integer, Map<String, String>>> scriptedTopics() {
        Map<String, Map.Entry<Integer, Map<String, String>>> topics = new TreeMap<>();
        Matcher line = Pattern.compile("^create\\s+(\\S+)\\s+(\\d+)((?:\\s+\\S+=\\S+)*)\\s*$", Pattern.MULTILINE)
                .matcher(Deployables.read(Deployables.deployDir().resolve("compose/create-topics.sh")));
        while (line.find()) {
            Map<String, String> configs = new TreeMap<>();
            for (String pair : line.group(3).trim().split("\\s+")) {
                if (!pair.isEmpty()) {
                    configs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            topics.put(line.group(1), Map.entry(Integer.parseInt(line.group(2)), configs));
        }
        return topics;
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
    void theTopicStepCreatesEveryTopicWithTheConfigsTheServicesRelyOn() {
        Map<String, Map.Entry<Integer, Map<String, String>>> scripted = scriptedTopics();
        Map<String, Map<String, String>> expected = ServiceFacts.topicConfigs();
        assertEquals(expected.keySet(), scripted.keySet(), "the topic step creates exactly the registry's topics");
        expected.forEach((topic, configs) -> {
            Map<String, String> created = scripted.get(topic).getValue();
            configs.forEach((key, value) -> assertEquals(value, created.get(key), topic + " " + key));
            created.keySet().forEach(key -> assertTrue(KnownSettings.isTopicSetting(key), topic + ": " + key));
        });

        Map<String, Object> topics = service("topics");
        assertEquals(text(service("kafka"), "image"), text(topics, "image"), "the topic step uses the broker's tools");
        assertEquals("service_healthy", text(topics, "depends_on", "kafka", "condition"));
        assertTrue(Deployables.<List<Object>>at(topics, "volumes").stream()
                .anyMatch(v -> v.toString().startsWith("./create-topics.sh:")), "the step mounts create-topics.sh");
        for (String name : Deployables.SERVICES) {
            assertEquals("service_completed_successfully", text(service(name), "depends_on", "topics", "condition"),
                    name + " starts after the topics exist");
        }
        for (Deployables.ServiceContainer container : services) {
            StorylineConfig config = ServiceFacts.configOf(container.environment());
            assertFalse(config.bool("storyline.topics.create", true), container.where() + " must not create topics");
            for (String input : ServiceFacts.inputTopics(container.service(), config)) {
                assertTrue(scripted.get(input).getKey() >= 3,
                        input + " needs partitions for `--scale " + container.service() + "=3`");
            }
        }
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
            assertTrue(test.contains("http://localhost:" + port + "/health/ready"), container.where() + ": " + test);
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
            String limit = text(container.spec(), "deploy", "resources", "limits", "memory");
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
