package io.storyline.ingest;

import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.progress.SourceProgress;
import io.storyline.ingest.format.ContentType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka side of {@link Ingestor}: reads the content-type header and the record timestamp, forwards one
 * outcome per article. A whole record that cannot be ingested is counted and rethrown for the runtime's
 * dead-letter handler, which writes its original bytes to {@code news.dlq}.
 *
 * <p>It is also where the pipeline's progress starts ({@link SourceProgress}): outcomes carry the raw partition's
 * effective time (its largest record time so far) as their record time, and progress marks go out in order with
 * them. The publication date of an article without one is still the record's own time.
 */
final class IngestProcessor implements Processor<byte[], byte[], byte[], InBand<ItemOutcome>> {

    private final Ingestor ingestor;
    private final IngestMetrics metrics;
    private final String rawTopic;
    private final PartitionCounts partitionCounts;
    private ProcessorContext<byte[], InBand<ItemOutcome>> context;
    private SourceProgress<byte[], ItemOutcome> progress;

    IngestProcessor(Ingestor ingestor, IngestMetrics metrics, String rawTopic, PartitionCounts partitionCounts) {
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.rawTopic = rawTopic;
        this.partitionCounts = partitionCounts;
    }

    @Override
    public void init(ProcessorContext<byte[], InBand<ItemOutcome>> context) {
        this.context = context;
        this.progress = SourceProgress.start(context, IngestTopology.RAW_PROGRESS, rawTopic, partitionCounts);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(ContentType.HEADER);
        String contentType = header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        long effectiveTime = progress.admit(record.timestamp());
        try {
            for (ItemOutcome outcome : ingestor.ingest(new RawRecord(record.key(), record.value(), contentType,
                    record.timestamp()))) {
                if (outcome instanceof ItemOutcome.Rejected rejected) {
                    metrics.rejected(rejected.reasonCode());
                }
                // Fresh headers: the producer's content-type describes news.raw, not what ingest writes.
                context.forward(new Record<>(record.key(), InBand.data(outcome), effectiveTime));
            }
        } catch (RejectedRecordException e) {
            metrics.rejected(e.reasonCode());
            throw e;
        }
    }
}
