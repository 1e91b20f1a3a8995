package io.storyline.aggregate.bench;

import io.storyline.aggregate.state.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * A {@link Table} in a RocksDB database of its own, with the service's serdes: what a Kafka Streams persistent
 * store does underneath (the same RocksDB library and options, the write-ahead log off as Streams has it, since the
 * changelog is the log). The benchmark keeps its large states here, off the heap, as the service does: a state of a hundred
 * thousand incidents held in Java maps would measure the garbage collector walking it, not the clustering.
 */
final class RocksTable<V> implements Table<V>, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Serde<V> serde;
    // Kafka Streams' own defaults for a persistent store (RocksDBStore#openDB): the benchmark's tables behave as
    // the service's do unless an operator sets rocksdb.config.setter.
    private static final long BLOCK_CACHE_BYTES = 50L * 1024 * 1024;
    private static final long BLOCK_BYTES = 4096;
    private static final long WRITE_BUFFER_BYTES = 16L * 1024 * 1024;
    private static final int WRITE_BUFFERS = 3;

    private final LRUCache cache;
    private final BloomFilter filter;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private long operations;
    private long nanos;
    private long bytesRead;

    private RocksTable(Path dir, Serde<V> serde) throws RocksDBException {
        this.dir = dir;
        this.serde = serde;
        this.cache = new LRUCache(BLOCK_CACHE_BYTES);
        this.filter = new BloomFilter();
        this.options = new Options()
                .setCreateIfMissing(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setBlockSize(BLOCK_BYTES)
                        .setFilterPolicy(filter))
                .setOptimizeFiltersForHits(true)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(WRITE_BUFFERS)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setCompactionStyle(CompactionStyle.UNIVERSAL)
                .setInfoLogLevel(InfoLogLevel.ERROR_LEVEL)
                .setIncreaseParallelism(Math.max(Runtime.getRuntime().availableProcessors(), 2));
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.db = RocksDB.open(options, dir.toString());
    }

    static <V> RocksTable<V> open(Path dir, Serde<V> serde) {
        try {
            Files.createDirectories(dir);
            return new RocksTable<>(dir, serde);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public V get(String key) {
        long start = System.nanoTime();
        try {
            byte[] bytes = db.get(bytes(key));
            bytesRead += bytes == null ? 0 : bytes.length;
            return bytes == null ? null : serde.deserializer().deserialize("", bytes);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        } finally {
            counted(start);
        }
    }

    @Override
    public void put(String key, V value) {
        long start = System.nanoTime();
        try {
            db.put(writeOptions, bytes(key), serde.serializer().serialize("", value));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        } finally {
            counted(start);
        }
    }

    @Override
    public void delete(String key) {
        long start = System.nanoTime();
        try {
            db.delete(writeOptions, bytes(key));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        } finally {
            counted(start);
        }
    }

    private void counted(long start) {
        operations++;
        nanos += System.nanoTime() - start;
    }

    /** Operations so far, the time they took and the value bytes point reads returned; then counts afresh. */
    long[] takeCounts() {
        long[] counts = {operations, nanos, bytesRead};
        operations = 0;
        nanos = 0;
        bytesRead = 0;
        return counts;
    }

    @Override
    public List<Map.Entry<String, V>> prefix(String prefix, int limit) {
        return scan(prefix, key -> key.startsWith(prefix), limit);
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        return scan(from, key -> key.compareTo(to) < 0, limit);
    }

    private List<Map.Entry<String, V>> scan(String from, java.util.function.Predicate<String> within, int limit) {
        long start = System.nanoTime();
        List<Map.Entry<String, V>> out = new ArrayList<>();
        try (RocksIterator entries = db.newIterator()) {
            for (entries.seek(bytes(from)); entries.isValid() && out.size() < limit; entries.next()) {
                String key = new String(entries.key(), StandardCharsets.UTF_8);
                if (!within.test(key)) {
                    break;
                }
                byte[] value = entries.value();
                bytesRead += value.length;
                out.add(Map.entry(key, serde.deserializer().deserialize("", value)));
            }
        }
        counted(start);
        return out;
    }

    /**
     * Compacts the whole table: a fill writes for minutes at a rate no service sees, and the compactions it leaves
     * behind would run on the cores the timing uses.
     */
    void settle() {
        try {
            db.compactRange();
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return dir.getFileName().toString();
    }

    @Override
    public long approximateSize() {
        return property("rocksdb.estimate-num-keys");
    }

    /** Bytes the data takes: live data in files plus what the memtables hold. */
    long bytes() {
        return property("rocksdb.estimate-live-data-size") + property("rocksdb.cur-size-all-mem-tables");
    }

    private long property(String name) {
        try {
            return db.getLongProperty(name);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
        filter.close();
        cache.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
