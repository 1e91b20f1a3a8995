package io.storyline.common.progress;

import io.storyline.common.json.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serde of a topic that carries progress marks beside its data: a record with the {@link ProgressMark#HEADER}
 * header is a mark, every other record is data in the wrapped serde. Data is written and read exactly as without
 * marks, so readers that skip marked records see the topic's plain contract.
 *
 * <p>A mark that cannot be read (a newer version, damaged bytes) is not data a service could dead-letter: it is
 * logged and read as a mark without content, which readers ignore. Dead-lettering never sees a mark.
 */
public final class InBandSerde<V> implements Serde<InBand<V>> {

    private static final Logger LOG = LoggerFactory.getLogger(InBandSerde.class);
    private static final JsonSerde<ProgressMark> MARKS = JsonSerde.of(ProgressMark.class);

    private final Serde<V> data;

    private InBandSerde(Serde<V> data) {
        this.data = data;
    }

    public static <V> InBandSerde<V> of(Serde<V> data) {
        return new InBandSerde<>(data);
    }

    @Override
    public Serializer<InBand<V>> serializer() {
        Serializer<V> values = data.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, InBand<V> item) {
                if (item instanceof InBand.Mark) {
                    throw new SerializationException("a progress mark is told apart by its header: it cannot be "
                            + "written without headers");
                }
                return values.serialize(topic, InBand.value(item));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, InBand<V> item) {
                if (item instanceof InBand.Mark<V> mark) {
                    ProgressMark.ensureHeader(headers);
                    return MARKS.toBytes(mark.mark());
                }
                return values.serialize(topic, headers, InBand.value(item));
            }
        };
    }

    @Override
    public Deserializer<InBand<V>> deserializer() {
        Deserializer<V> values = data.deserializer();
        return new Deserializer<>() {
            @Override
            public InBand<V> deserialize(String topic, byte[] bytes) {
                return InBand.data(values.deserialize(topic, bytes));
            }

            @Override
            public InBand<V> deserialize(String topic, Headers headers, byte[] bytes) {
                if (ProgressMark.isMark(headers)) {
                    return InBand.mark(readMark(topic, bytes));
                }
                return InBand.data(values.deserialize(topic, headers, bytes));
            }
        };
    }

    private static ProgressMark readMark(String topic, byte[] bytes) {
        try {
            return MARKS.fromBytes(bytes);
        } catch (SerializationException e) {
            LOG.warn("ignoring a progress mark on {} that cannot be read: {}", topic, e.getMessage());
            return null;
        }
    }
}
