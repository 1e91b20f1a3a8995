package io.storyline.aggregate.ordering;

import io.storyline.aggregate.clustering.ArticleFeatures;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The first, partitioned stage: stamps each article with the input partition and offset it came from, on its way
 * to the single ordering stage. (The partition's progress travels beside it, in the stage's progress marks.)
 */
public final class Sequencer implements Processor<String, ArticleFeatures, String, OrderEnvelope> {

    private ProcessorContext<String, OrderEnvelope> context;
    private int partition = -1;

    @Override
    public void init(ProcessorContext<String, OrderEnvelope> context) {
        this.context = context;
        this.partition = context.taskId().partition();
    }

    @Override
    public void process(Record<String, ArticleFeatures> record) {
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        context.forward(record.withValue(OrderEnvelope.article(partition, offset, record.value())));
    }
}
