package io.storyline.deploy.ops;

import io.storyline.broker.BrokerSettings;
import io.storyline.common.runtime.StorylineConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.storage.internals.log.LogConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Which settings exist, asked of the code that reads them: Kafka's own configuration definitions for the
 * clients, Streams, brokers and topics; Storyline's environment-to-key mapping for the names.
 */
final class KnownSettings {

    private static final Set<String> CLIENT_AND_STREAMS = new TreeSet<>();

    static {
        CLIENT_AND_STREAMS.addAll(StreamsConfig.configDef().names());
        CLIENT_AND_STREAMS.addAll(ConsumerConfig.configNames());
        CLIENT_AND_STREAMS.addAll(ProducerConfig.configNames());
        CLIENT_AND_STREAMS.addAll(AdminClientConfig.configNames());
    }

    private KnownSettings() {
    }

    /** The setting a {@code KAFKA_*} or {@code STORYLINE_*} variable becomes, or null for any other variable. */
    static String keyOf(String variable) {
        Map<String, String> keys = StorylineConfig.fromEnvironment(Map.of(variable, ""));
        return keys.isEmpty() ? null : keys.keySet().iterator().next();
    }

    /** A Kafka client or Streams setting, as such or with one of Streams' per-client prefixes. */
    static boolean isClientOrStreamsSetting(String key) {
        if (CLIENT_AND_STREAMS.contains(key)) {
            return true;
        }
        for (String prefix : new String[] {StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
                StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
                StreamsConfig.ADMIN_CLIENT_PREFIX}) {
            if (key.startsWith(prefix) && CLIENT_AND_STREAMS.contains(key.substring(prefix.length()))) {
                return true;
            }
        }
        return key.startsWith(StreamsConfig.TOPIC_PREFIX) && isTopicSetting(key.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }

    static boolean isBrokerSetting(String key) {
        return BrokerSettings.isBrokerSetting(key);
    }

    static boolean isTopicSetting(String key) {
        return LogConfig.configNames().contains(key);
    }

    /** The broker setting an {@code apache/kafka} image variable becomes, or null. */
    static String brokerKeyOf(String variable) {
        return BrokerSettings.keyOf(variable);
    }
}
