package io.storyline.aggregate.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the service's state-store values, in Smile (binary JSON, from Jackson). The engine reads an incident
 * for every candidate it scores; binary numbers and back-referenced field names make that several times cheaper
 * than text JSON, which is what the topics carry for people and tools.
 */
public final class StateSerde<T> implements Serde<T> {

    /**
     * State written by an older version stays readable: fields it lacks are left at their defaults. Names are
     * neither canonicalised nor interned: most names here are map keys (terms, entities, index keys), an open
     * vocabulary that kept Jackson's symbol table rehashing and {@code String.intern} busy on every read.
     */
    private static final ObjectMapper SMILE = SmileMapper.builder(SmileFactory.builder()
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                    .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private StateSerde(Class<T> type) {
        this.type = type;
        this.reader = SMILE.readerFor(type);
        this.writer = SMILE.writerFor(type);
    }

    public static <T> StateSerde<T> of(Class<T> type) {
        return new StateSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            try {
                return value == null ? null : writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " state", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " state", e);
            }
        };
    }
}
