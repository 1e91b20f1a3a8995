package io.storyline.aggregate.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A {@link Table} in a sorted map: for the offline evaluation, the benchmark and unit tests. */
public final class MemoryTable<V> implements Table<V> {

    private final NavigableMap<String, V> map = new TreeMap<>();

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public List<Map.Entry<String, V>> prefix(String prefix, int limit) {
        return collect(map.tailMap(prefix, true), prefix, limit);
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        return collect(map.subMap(from, true, to, false), null, limit);
    }

    private static <V> List<Map.Entry<String, V>> collect(NavigableMap<String, V> view, String prefix, int limit) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        for (Map.Entry<String, V> entry : view.entrySet()) {
            if (out.size() >= limit || (prefix != null && !entry.getKey().startsWith(prefix))) {
                break;
            }
            out.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return out;
    }

    @Override
    public long approximateSize() {
        return map.size();
    }
}
