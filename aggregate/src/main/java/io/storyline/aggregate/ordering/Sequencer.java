package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The first, partitioned stage: stamps each article with the input partition and offset it came from, and
 * notes when its partition has delivered nothing for {@code idleTimeout}, so the ordering stage stops waiting
 * for it.
 */
public final class Sequencer implements Processor<String, ArticleFeatures, String, OrderEnvelope> {

    private final Duration idleTimeout;
    private ProcessorContext<String, OrderEnvelope> context;
    private int partition = -1;
    private long lastRecordAt;
    private boolean idleNoted;

    public Sequencer(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void init(ProcessorContext<String, OrderEnvelope> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.lastRecordAt = context.currentSystemTimeMs();
        context.schedule(ReleaseInOrder.checkInterval(idleTimeout), PunctuationType.WALL_CLOCK_TIME, this::noteIdle);
    }

    @Override
    public void process(Record<String, ArticleFeatures> record) {
        lastRecordAt = context.currentSystemTimeMs();
        idleNoted = false;
        long offset = context.recordMetadata().map(metadata -> metadata.offset()).orElse(-1L);
        context.forward(record.withValue(OrderEnvelope.article(partition, offset, record.value())));
    }

    private void noteIdle(long now) {
        if (!idleNoted && now - lastRecordAt >= idleTimeout.toMillis()) {
            idleNoted = true;
            context.forward(new Record<>("idle-" + partition, OrderEnvelope.idleNote(partition), now));
        }
    }
}
