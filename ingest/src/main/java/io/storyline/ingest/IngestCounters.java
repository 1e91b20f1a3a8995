package io.storyline.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** {@link IngestMetrics} as plain counters: for tests, the benchmark, and a registry that polls. */
public final class IngestCounters implements IngestMetrics {

    private final LongAdder published = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    @Override
    public void published(String articleId) {
        published.increment();
    }

    @Override
    public void updated(String articleId) {
        updated.increment();
    }

    @Override
    public void duplicateDropped(String articleId) {
        duplicates.increment();
    }

    @Override
    public void rejected(String reasonCode) {
        rejected.computeIfAbsent(reasonCode, code -> new LongAdder()).increment();
    }

    public long published() {
        return published.sum();
    }

    public long updated() {
        return updated.sum();
    }

    public long duplicatesDropped() {
        return duplicates.sum();
    }

    /** Rejections by reason code, sorted by code. */
    public Map<String, Long> rejected() {
        Map<String, Long> out = new TreeMap<>();
        rejected.forEach((code, count) -> out.put(code, count.sum()));
        return out;
    }
}
