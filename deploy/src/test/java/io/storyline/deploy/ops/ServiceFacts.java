package io.storyline.deploy.ops;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.Services;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/** What the services' own code says about topics and groups: the facts the manifests must agree with. */
final class ServiceFacts {

    private ServiceFacts() {
    }

    static Services.Kind kind(String service) {
        for (Services.Kind kind : Services.Kind.values()) {
            if (kind.command().equals(service)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no service " + service);
    }

    /** Storyline topics the service's topology reads: what its consumer lag is measured on. */
    static Set<String> inputTopics(String service, StorylineConfig config) {
        Topics topics = config.topics();
        Set<String> names = new TreeSet<>();
        topics.all().forEach(t -> names.add(t.name()));
        Set<String> inputs = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology
                : kind(service).create().topology(config, topics).describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().filter(names::contains).forEach(inputs::add);
                }
            }
        }
        return inputs;
    }

    /** Every topic of the registry with the topic configs the services that use it create it with. */
    static Map<String, Map<String, String>> topicConfigs() {
        Map<String, Map<String, String>> configs = new TreeMap<>();
        Topics.defaults().all().forEach(topic -> configs.put(topic.name(), new TreeMap<>()));
        for (Services.Kind kind : Services.Kind.values()) {
            for (Topic<?, ?> topic : kind.create().topics(Topics.defaults())) {
                configs.get(topic.name()).putAll(topic.configs());
            }
        }
        return configs;
    }

    static String applicationId(String service, StorylineConfig config) {
        return StreamsSettings.applicationId(service, config);
    }

    /**
     * The settings a container's environment amounts to, as the service resolves them; files it names inside the
     * container are the ones the compose file mounts there ({@link Deployables#onThisMachine}).
     */
    static StorylineConfig configOf(Map<String, String> environment) {
        return StorylineConfig.resolve(Map.of(), null, Deployables.onThisMachine(environment), Map.of());
    }
}
