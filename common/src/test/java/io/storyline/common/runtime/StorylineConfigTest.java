package io.storyline.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorylineConfigTest {

    @Test
    void eachLayerOverridesTheOneBelow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storyline.properties");
        Files.writeString(file, """
                bootstrap.servers=file:9092
                storyline.topics.partitions=6
                storyline.ingest.max.body.bytes=100
                linger.ms=5
                """);
        StorylineConfig config = StorylineConfig.resolve(
                Map.of("bootstrap.servers", "default:9092", "storyline.topics.partitions", "3", "acks", "all"),
                file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "STORYLINE_INGEST_MAX_BODY_BYTES", "200",
                        "PATH", "/usr/bin", "KAFKA_", "ignored"),
                Map.of("bootstrap.servers", "flag:9092"));

        assertEquals("flag:9092", config.string("bootstrap.servers", null), "flags beat everything");
        assertEquals(200, config.integer("storyline.ingest.max.body.bytes", 0), "environment beats the file");
        assertEquals(6, config.integer("storyline.topics.partitions", 0), "the file beats defaults");
        assertEquals("all", config.string("acks", null), "defaults fill the rest");
        assertEquals("5", config.kafkaSettings().get("linger.ms"));
        assertTrue(config.kafkaSettings().keySet().stream().noneMatch(k -> k.startsWith("storyline.")),
                "Storyline's own keys are not passed to Kafka clients");
        assertTrue(config.kafkaSettings().keySet().stream().noneMatch(k -> k.equals("path") || k.isEmpty()));
    }

    @Test
    void topicNamesFollowSettings() {
        StorylineConfig config = StorylineConfig.of(Map.of("storyline.topic.incident.events", "alerts.events"));
        assertEquals("alerts.events", config.topics().incidentEvents().name());
        assertEquals("news.raw", config.topics().raw().name());
        assertEquals("STORYLINE_TOPIC_INCIDENT_EVENTS", StorylineConfig.envNameOf("storyline.topic.incident.events"));
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", StorylineConfig.envNameOf("bootstrap.servers"));
    }

    @Test
    void typedReadsExplainBadValuesInOneLine() {
        StorylineConfig config = StorylineConfig.of(Map.of("storyline.topics.partitions", "many",
                "storyline.shutdown.timeout", "PT10S", "storyline.x.timeout", "250", "storyline.y.timeout", "soon"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.integer("storyline.topics.partitions", 3));
        assertEquals("setting storyline.topics.partitions must be a whole number, not 'many'", e.getMessage());
        assertEquals(Duration.ofSeconds(10), config.duration("storyline.shutdown.timeout", null));
        assertEquals(Duration.ofMillis(250), config.duration("storyline.x.timeout", null));
        assertThrows(ConfigException.class, () -> config.duration("storyline.y.timeout", null));
    }

    @Test
    void aMissingFileIsAConfigError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StorylineConfig.resolve(Map.of(), dir.resolve("absent.properties"), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
