package io.storyline.common.runtime;

import io.storyline.common.deadletter.DeadLetterHandler;
import io.storyline.common.topic.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of one service: Storyline's defaults, then the service's own defaults, then every
 * Kafka setting of the resolved configuration, which wins. Exactly-once and dead-lettering are defaults an operator can override, not
 * hard-wired behaviour.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties of(StreamsService streamsService, StorylineConfig config, Topics topics) {
        String service = streamsService.name();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(service, config));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq().name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        // Without it Streams 4.3 warns at start-up and exceptions in global stores would bypass the handler.
        props.put("processing.exception.handler.global.enabled", "true");
        // Stores and repartition topics keep their names across topology changes, so state survives upgrades.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, applicationId(service, config));
        props.putAll(streamsService.streamsDefaults());
        Map<String, Object> kafka = config.kafkaSettings();
        props.putAll(kafka);
        if (!kafka.containsKey(StreamsConfig.APPLICATION_ID_CONFIG)) {
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(service, config));
        }
        props.put(DeadLetterHandler.SERVICE_CONFIG, service);
        if (!props.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new ConfigException("no Kafka cluster given: set bootstrap.servers (environment "
                    + "KAFKA_BOOTSTRAP_SERVERS, flag --bootstrap-server)");
        }
        return props;
    }

    /** {@code storyline.<service>.application.id}, else {@code storyline-<service>}. */
    public static String applicationId(String service, StorylineConfig config) {
        return config.string(StorylineConfig.PREFIX + service + ".application.id", "storyline-" + service);
    }
}
