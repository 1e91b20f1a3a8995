package io.storyline.aggregate.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A {@link Table} on a Kafka Streams key-value store: changelogged, restored on fail-over, exactly-once. */
public final class StoreTable<V> implements Table<V> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, V> store;

    public StoreTable(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public List<Map.Entry<String, V>> prefix(String prefix, int limit) {
        try (KeyValueIterator<String, V> entries = store.prefixScan(prefix, KEYS)) {
            return collect(entries, null, limit);
        }
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        // The store's range includes its upper bound; the table's excludes it.
        try (KeyValueIterator<String, V> entries = store.range(from, to)) {
            return collect(entries, to, limit);
        }
    }

    private static <V> List<Map.Entry<String, V>> collect(KeyValueIterator<String, V> entries, String exclusiveEnd,
                                                          int limit) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        while (out.size() < limit && entries.hasNext()) {
            KeyValue<String, V> entry = entries.next();
            if (exclusiveEnd != null && entry.key.equals(exclusiveEnd)) {
                break;
            }
            out.add(Map.entry(entry.key, entry.value));
        }
        return out;
    }

    @Override
    public long approximateSize() {
        return store.approximateNumEntries();
    }
}
