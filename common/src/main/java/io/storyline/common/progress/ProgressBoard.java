package io.storyline.common.progress;

import io.storyline.common.json.JsonSerde;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * What one task knows of its upstream: the latest progress mark of every upstream source, kept in a state store so
 * that a restart or a move to another instance keeps it, and mirrored in memory because it is read on every mark.
 * The task's progress is the least of its sources' ({@link #bound()}), known once every source has spoken.
 */
public final class ProgressBoard {

    /** No mark yet from some source: nothing is known, nothing may pass. */
    public static final long UNKNOWN = Long.MIN_VALUE;
    /** Every source is caught up: nothing is held back. */
    public static final long CAUGHT_UP = Long.MAX_VALUE;

    private final KeyValueStore<Integer, ProgressMark> store;
    private final Map<Integer, ProgressMark> marks = new TreeMap<>();

    private ProgressBoard(KeyValueStore<Integer, ProgressMark> store) {
        this.store = store;
        try (KeyValueIterator<Integer, ProgressMark> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Integer, ProgressMark> entry = all.next();
                marks.put(entry.key, entry.value);
            }
        }
    }

    public static StoreBuilder<KeyValueStore<Integer, ProgressMark>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Integer(),
                JsonSerde.of(ProgressMark.class));
    }

    /** The board in {@code storeName}, as a restart left it. Call in {@code init}. */
    public static ProgressBoard open(ProcessingContext context, String storeName) {
        return new ProgressBoard(context.getStateStore(storeName));
    }

    /** Keeps {@code mark} as its source's latest; an unreadable (null) mark changes nothing. */
    public void update(ProgressMark mark) {
        if (mark == null || mark.equals(marks.get(mark.source()))) {
            return;
        }
        marks.put(mark.source(), mark);
        store.put(mark.source(), mark);
    }

    /**
     * The least record time any source may still deliver: {@link #UNKNOWN} until every source has spoken, {@link
     * #CAUGHT_UP} when all of them are caught up. The sources a task waits for are as many as the latest marks say
     * (a source past that count, its topic having grown, is waited for too).
     */
    public long bound() {
        if (marks.isEmpty() || marks.size() < expectedSources()) {
            return UNKNOWN;
        }
        long bound = CAUGHT_UP;
        for (ProgressMark mark : marks.values()) {
            bound = Math.min(bound, mark.bound());
        }
        return bound;
    }

    /** The least {@link ProgressMark#time()} of the sources, caught up or not (for the task's own mark). */
    public long earliestTime() {
        return marks.values().stream().mapToLong(ProgressMark::time).min().orElse(UNKNOWN);
    }

    /** How many sources the task waits for. */
    public int expectedSources() {
        int expected = 0;
        for (ProgressMark mark : marks.values()) {
            expected = Math.max(expected, Math.max(mark.sources(), mark.source() + 1));
        }
        return expected;
    }

    /** The sources not heard from yet, or holding the bound back (for a log line an operator can act on). */
    public String describe() {
        int expected = expectedSources();
        StringBuilder out = new StringBuilder();
        for (int source = 0; source < expected; source++) {
            ProgressMark mark = marks.get(source);
            out.append(out.isEmpty() ? "" : ", ").append(source).append(": ")
                    .append(mark == null ? "no mark yet" : mark.caughtUp() ? "caught up" : "at " + mark.time());
        }
        return expected == 0 ? "no mark from any source yet" : out.toString();
    }
}
