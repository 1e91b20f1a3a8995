package io.storyline.aggregate.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * A {@link Table} that keeps values as bytes through their serde, as a Kafka Streams store does: every read
 * decodes and every write encodes. The benchmark uses it so that what it measures includes what the service pays
 * per access, and so that a large state fits in memory as compactly as a store holds it.
 */
public final class SerializedTable<V> implements Table<V> {

    private final NavigableMap<String, byte[]> map = new TreeMap<>();
    private final Serde<V> serde;

    public SerializedTable(Serde<V> serde) {
        this.serde = serde;
    }

    @Override
    public V get(String key) {
        byte[] bytes = map.get(key);
        return bytes == null ? null : serde.deserializer().deserialize("", bytes);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, serde.serializer().serialize("", value));
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public List<Map.Entry<String, V>> prefix(String prefix, int limit) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : map.tailMap(prefix, true).entrySet()) {
            if (out.size() >= limit || !entry.getKey().startsWith(prefix)) {
                break;
            }
            out.add(Map.entry(entry.getKey(), serde.deserializer().deserialize("", entry.getValue())));
        }
        return out;
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : map.subMap(from, true, to, false).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(Map.entry(entry.getKey(), serde.deserializer().deserialize("", entry.getValue())));
        }
        return out;
    }

    /** Bytes of keys and values held: what a store would. */
    public long bytes() {
        long total = 0;
        for (Map.Entry<String, byte[]> entry : map.entrySet()) {
            total += entry.getKey().length() + entry.getValue().length;
        }
        return total;
    }

    @Override
    public long approximateSize() {
        return map.size();
    }
}
