package io.storyline.alert.raise;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.FutureSchemaVersionException;
import io.storyline.common.json.Json;
import io.storyline.common.json.JsonSerde;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A topic's values as the JSON they are, checked by the typed record's own rules ({@link JsonSerde}: required
 * fields, schema version) but kept whole: fields a newer writer adds reach the rules and the alerts.
 */
final class CheckedJson implements Serde<JsonNode> {

    private final JsonSerde<?> typed;
    private final int knownVersion;

    /** @param knownVersion the newest {@code schema_version} this reader knows; newer records are refused */
    CheckedJson(JsonSerde<?> typed, int knownVersion) {
        this.typed = typed;
        this.knownVersion = knownVersion;
    }

    @Override
    public Serializer<JsonNode> serializer() {
        return (topic, node) -> {
            try {
                return node == null ? null : Json.mapper().writeValueAsBytes(node);
            } catch (IOException e) {
                throw new SerializationException("cannot write JSON: " + e.getMessage(), e);
            }
        };
    }

    @Override
    public Deserializer<JsonNode> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            typed.fromBytes(bytes);
            JsonNode node;
            try {
                node = Json.mapper().readTree(bytes);
            } catch (IOException e) {
                throw new SerializationException("not JSON: " + e.getMessage(), e);
            }
            try {
                FutureSchemaVersionException.requireKnown("the " + typed.type().getSimpleName() + "'s",
                        node.path("schema_version").asInt(0), knownVersion);
            } catch (FutureSchemaVersionException e) {
                throw new SerializationException("invalid " + typed.type().getSimpleName() + " record: "
                        + e.getMessage(), e);
            }
            return node;
        };
    }
}
