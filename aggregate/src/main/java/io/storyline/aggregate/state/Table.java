package io.storyline.aggregate.state;

import java.util.List;
import java.util.Map;

/**
 * A sorted key-value table of the clustering state. The engine works on this interface only, so the same code
 * runs on Kafka Streams state stores (in the service) and on plain maps (evaluation, benchmark, unit tests).
 * Keys sort as strings; composite keys ({@code prefix + SEPARATOR + id}) make postings lists and schedules
 * without rewriting a value per entry.
 */
public interface Table<V> {

    /** Separates the parts of a composite key; sorts before every printable character. */
    char SEPARATOR = '\u0001';

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Up to {@code limit} entries whose key starts with {@code prefix}, in key order. */
    List<Map.Entry<String, V>> prefix(String prefix, int limit);

    /** Up to {@code limit} entries with {@code from <= key < to}, in key order. */
    List<Map.Entry<String, V>> range(String from, String to, int limit);

    long approximateSize();
}
