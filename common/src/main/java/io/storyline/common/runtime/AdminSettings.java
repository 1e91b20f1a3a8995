package io.storyline.common.runtime;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Admin-client settings derived from a service's Streams settings, so security settings apply to both. */
final class AdminSettings {

    private AdminSettings() {
    }

    static Map<String, Object> of(Properties streamsProps) {
        StreamsConfig streamsConfig = new StreamsConfig(streamsProps);
        return streamsConfig.getAdminConfigs(streamsConfig.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-setup");
    }
}
