package io.storyline.broker;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.server.config.AbstractKafkaConfig;

/**
 * Broker settings given as environment variables, spelt as the {@code apache/kafka} image spells them, so one
 * environment block configures that image and Storyline's own broker alike: {@code KAFKA_} and the setting's name
 * in capitals, {@code .} as {@code _}, {@code _} as {@code __} and {@code -} as {@code ___}
 * ({@code KAFKA_ADVERTISED_LISTENERS} is {@code advertised.listeners}).
 */
public final class BrokerSettings {

    private static final String PREFIX = "KAFKA_";
    private static final String LISTENER_PREFIX = "listener.name.";

    private BrokerSettings() {
    }

    /** The broker setting a variable names, or null when it names none (not a {@code KAFKA_} variable). */
    public static String keyOf(String variable) {
        if (!variable.startsWith(PREFIX) || variable.length() == PREFIX.length()) {
            return null;
        }
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT)
                .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    /** A setting the broker reads: one of its definitions, or one scoped to a listener. */
    public static boolean isBrokerSetting(String key) {
        return AbstractKafkaConfig.CONFIG_DEF.names().contains(key) || key.startsWith(LISTENER_PREFIX);
    }

    /**
     * The broker settings among {@code environment}'s {@code KAFKA_*} variables. Other variables are left out:
     * the same environment may hold client settings ({@code KAFKA_BOOTSTRAP_SERVERS}) or Streams' ones
     * ({@code KAFKA_STATE_DIR}, which Storyline's image sets).
     */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((variable, value) -> {
            String key = keyOf(variable);
            if (key != null && isBrokerSetting(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
