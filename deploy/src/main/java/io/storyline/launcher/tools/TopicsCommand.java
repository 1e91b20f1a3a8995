package io.storyline.launcher.tools;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.topic.Topic;
import io.storyline.launcher.KafkaOptions;
import io.storyline.launcher.Services;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code storyline topics}: creates every topic of the services that is missing, with the configs they rely on,
 * and exits. The one-shot step before services that run with {@code storyline.topics.create=false} (compose's
 * {@code topics} service): the same code the services run at start, for all of them at once, so the topic
 * configs live in one place, the registry.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create the services' topics that are missing, with the configs the services rely on, and "
                + "exit. Partitions: storyline.topics.partitions (STORYLINE_TOPICS_PARTITIONS, default 3); "
                + "existing topics are left as they are.")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        // This command exists to create them, whatever the services it prepares for are told.
        StorylineConfig config = kafka.resolveWithCluster(Map.of()).with(TopicsSetup.CREATE, "true");
        List<Topic<?, ?>> topics = servicesTopics(config);
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            TopicsSetup.ensure(admin, topics, config);
        }
        System.err.println("storyline: topics in place: "
                + String.join(", ", topics.stream().map(Topic::name).toList()));
        return 0;
    }

    /** Every service's topics, once each, with the configs of all services that use it. */
    static List<Topic<?, ?>> servicesTopics(StorylineConfig config) {
        Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
        for (Services.Kind kind : Services.Kind.values()) {
            for (Topic<?, ?> topic : kind.create().topics(config.topics())) {
                byName.merge(topic.name(), topic, TopicsCommand::withConfigsOfBoth);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static Topic<?, ?> withConfigsOfBoth(Topic<?, ?> first, Topic<?, ?> second) {
        Map<String, String> configs = new TreeMap<>(first.configs());
        configs.putAll(second.configs());
        return withConfigs(first, configs);
    }

    private static <K, V> Topic<K, V> withConfigs(Topic<K, V> topic, Map<String, String> configs) {
        return new Topic<>(topic.key(), topic.name(), topic.keySerde(), topic.valueSerde(), configs);
    }
}
