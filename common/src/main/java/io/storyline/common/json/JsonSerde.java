package io.storyline.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one record type in {@link Json}'s mapping. Decoding failures raise {@link SerializationException}
 * with a message fit for a dead-letter header; {@link Validated} records are checked after decoding.
 */
public final class JsonSerde<T> implements Serde<T> {

    /** Kafka's default record limit (1 MiB: max.request.size, message.max.bytes) less 4 KiB for key and headers. */
    public static final int MAX_RECORD_BYTES = (1 << 20) - (4 << 10);

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        T value;
        try {
            value = reader.readValue(bytes);
        } catch (IOException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " JSON record: "
                    + describe(e), e);
        }
        if (value == null) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " JSON record: JSON null");
        }
        if (value instanceof Validated validated) {
            try {
                validated.validate();
            } catch (InvalidRecordException e) {
                throw new SerializationException("invalid " + type.getSimpleName() + " record: " + e.getMessage(), e);
            }
        }
        return value;
    }

    /** Jackson's own message without the source excerpt, which would repeat the record into the header. */
    private static String describe(IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> sized(toBytes(value));
    }

    /**
     * Refuses a record larger than Kafka takes by default before it reaches the producer. Under exactly-once a
     * record the producer or broker refuses aborts the whole transaction, so the same input would fail again after
     * every retry; refused here, it is a serialization error, and the input is dead-lettered instead.
     */
    private byte[] sized(byte[] bytes) {
        if (bytes != null && bytes.length > MAX_RECORD_BYTES) {
            throw new RecordTooLargeException(String.format("the %s record is %,d bytes, over the %,d bytes a record "
                    + "may have", type.getSimpleName(), bytes.length, MAX_RECORD_BYTES));
        }
        return bytes;
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }
}
