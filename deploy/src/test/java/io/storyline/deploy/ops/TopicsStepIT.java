package io.storyline.deploy.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.topic.Topic;
import io.storyline.launcher.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * {@code storyline topics}, compose's topic step, on the real broker: every topic of the registry, with the partition
 * count it is given and the configs the services rely on; a second run changes nothing and succeeds.
 */
class TopicsStepIT {

    @Test
    void createsEveryTopicWithTheServicesConfigsAndLeavesExistingOnesAlone() throws Exception {
        TestTopics test = TestTopics.unique("topics-step");
        Path settings = Files.createTempFile("topics-step", ".properties");
        List<String> lines = new ArrayList<>();
        test.topics().all().forEach(t -> lines.add("storyline.topic." + t.key() + "=" + t.name()));
        Files.write(settings, lines);
        String[] command = {"topics", "--bootstrap-server", KafkaBroker.bootstrapServers(), "--config",
                settings.toString(), "--set", "storyline.topics.partitions=5",
                // What compose's services are told: the command creates the topics all the same.
                "--set", "storyline.topics.create=false"};

        assertEquals(0, Main.execute(command));
        assertEquals(0, Main.execute(command), "a second run finds every topic in place");

        Map<String, Map<String, String>> expected = new TreeMap<>();
        ServiceFacts.topicConfigs().forEach((name, configs) -> expected.put(renamed(test, name), configs));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(expected.keySet()).allTopicNames().get();
            described.forEach((name, description) -> assertEquals(5, description.partitions().size(), name));
            List<ConfigResource> resources = expected.keySet().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            expected.forEach((name, wanted) -> {
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
                wanted.forEach((key, value) -> assertEquals(value, config.get(key).value(), name + " " + key));
            });
        }
    }

    private static String renamed(TestTopics test, String defaultName) {
        return test.topics().all().stream().filter(t -> t.name().equals(test.prefix() + defaultName))
                .map(Topic::name).findFirst().orElseThrow(() -> new AssertionError("no test topic for " + defaultName));
    }
}
