package io.storyline.common.topic;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with its serdes: the one place that says how a topic's keys and values are written.
 *
 * @param key     the logical name used in configuration ({@code storyline.topic.<key>})
 * @param name    the Kafka topic name
 * @param configs topic-level configs applied when Storyline creates it (cleanup policy, say)
 */
public record Topic<K, V>(String key, String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    public Topic<K, V> withName(String newName) {
        return new Topic<>(key, newName, keySerde, valueSerde, configs);
    }

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }
}
