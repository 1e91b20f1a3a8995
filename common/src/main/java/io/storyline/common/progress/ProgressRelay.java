package io.storyline.common.progress;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A stage task's own progress, from the marks of its upstream: it keeps every source's latest mark ({@link
 * ProgressBoard}), and once it has heard from all of them writes its own mark (the least of theirs, caught up when
 * all of them are) in order with the data it writes, so that what it claims covers everything after it. It
 * writes when its progress changes: at once when it goes down (a source resumed; the data behind that mark may
 * follow right away), at most every {@link ProgressStage#MARK_INTERVAL} when it goes up, and every {@link
 * ProgressStage#HEARTBEAT} anyway. Sees marks only: {@link ProgressStage} routes data past it.
 */
final class ProgressRelay<I, O> implements Processor<String, InBand<I>, String, InBand<O>> {

    private final String storeName;
    private final PartitionCounts counts;
    private ProcessorContext<String, InBand<O>> context;
    private ProgressBoard board;
    private int source;
    /** Partitions of the topic this stage reads, learnt from the first mark's topic. */
    private int sources = -1;
    private ProgressMark lastSent;
    private long lastSentAt;
    private long lastTimestamp;
    private boolean pending;

    ProgressRelay(String storeName, PartitionCounts counts) {
        this.storeName = storeName;
        this.counts = counts;
    }

    @Override
    public void init(ProcessorContext<String, InBand<O>> context) {
        this.context = context;
        this.board = ProgressBoard.open(context, storeName);
        this.source = context.taskId().partition();
        context.schedule(ProgressStage.MARK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, InBand<I>> record) {
        if (!(record.value() instanceof InBand.Mark<I> mark) || mark.mark() == null) {
            return;
        }
        if (sources < 0) {
            sources = context.recordMetadata().map(RecordMetadata::topic).map(counts::of).orElse(-1);
        }
        board.update(mark.mark());
        lastTimestamp = record.timestamp();
        ProgressMark own = own();
        if (own == null || own.equals(lastSent)) {
            return;
        }
        long now = context.currentSystemTimeMs();
        if (lastSent == null || own.bound() < lastSent.bound()
                || now - lastSentAt >= ProgressStage.MARK_INTERVAL.toMillis()) {
            send(own, now);
        } else {
            pending = true;
        }
    }

    private void tick(long now) {
        ProgressMark own = own();
        if (own == null) {
            return;
        }
        if ((pending && now - lastSentAt >= ProgressStage.MARK_INTERVAL.toMillis())
                || now - lastSentAt >= ProgressStage.HEARTBEAT.toMillis()) {
            send(own, now);
        }
    }

    /** This task's progress as a mark, or null while some source has not spoken (or the topic is not known). */
    private ProgressMark own() {
        long bound = board.bound();
        if (bound == ProgressBoard.UNKNOWN || sources < 0) {
            return null;
        }
        return bound == ProgressBoard.CAUGHT_UP ? ProgressMark.caughtUp(source, sources, board.earliestTime())
                : ProgressMark.at(source, sources, bound);
    }

    private void send(ProgressMark mark, long now) {
        context.forward(new Record<>(ProgressMark.KEY, InBand.mark(mark), Math.max(0, lastTimestamp),
                ProgressMark.headers()));
        lastSent = mark;
        lastSentAt = now;
        pending = false;
    }
}
