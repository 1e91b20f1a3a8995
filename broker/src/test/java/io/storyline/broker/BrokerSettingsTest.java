package io.storyline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void variablesAreSpeltAsForTheApacheKafkaImage() {
        assertEquals("advertised.listeners", BrokerSettings.keyOf("KAFKA_ADVERTISED_LISTENERS"));
        assertEquals("log.dirs", BrokerSettings.keyOf("KAFKA_LOG_DIRS"));
        assertEquals("listener.name.plain_text.sasl.enabled.mechanisms",
                BrokerSettings.keyOf("KAFKA_LISTENER_NAME_PLAIN__TEXT_SASL_ENABLED_MECHANISMS"));
        assertEquals("a-b", BrokerSettings.keyOf("KAFKA_A___B"));
        assertNull(BrokerSettings.keyOf("KAFKA_"));
        assertNull(BrokerSettings.keyOf("STORYLINE_HTTP_PORT"));
    }

    @Test
    void onlyBrokerSettingsAreTakenFromAnEnvironmentThatAlsoConfiguresClients() {
        Map<String, String> settings = BrokerSettings.fromEnvironment(Map.of(
                "KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093",
                "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false",
                "KAFKA_LISTENER_NAME_PLAINTEXT_SASL_ENABLED_MECHANISMS", "PLAIN",
                // A client's and a Streams setting, which Storyline's image and a developer's shell may hold.
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_STATE_DIR", "/var/lib/storyline/state",
                "CLUSTER_ID", "ignored",
                "PATH", "/usr/bin"));
        assertEquals(Map.of("listeners", "PLAINTEXT://:9092,CONTROLLER://:9093",
                "auto.create.topics.enable", "false",
                "listener.name.plaintext.sasl.enabled.mechanisms", "PLAIN"), settings);
        assertTrue(BrokerSettings.isBrokerSetting("log.cleaner.dedupe.buffer.size"));
        assertFalse(BrokerSettings.isBrokerSetting("bootstrap.servers"));
    }
}
