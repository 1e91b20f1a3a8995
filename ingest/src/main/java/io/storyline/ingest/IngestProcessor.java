package io.storyline.ingest;

import io.storyline.common.deadletter.RejectedRecordException;
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
 */
final class IngestProcessor implements Processor<byte[], byte[], byte[], ItemOutcome> {

    private final Ingestor ingestor;
    private final IngestMetrics metrics;
    private ProcessorContext<byte[], ItemOutcome> context;

    IngestProcessor(Ingestor ingestor, IngestMetrics metrics) {
        this.ingestor = ingestor;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], ItemOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(ContentType.HEADER);
        String contentType = header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        try {
            for (ItemOutcome outcome : ingestor.ingest(new RawRecord(record.key(), record.value(), contentType,
                    record.timestamp()))) {
                if (outcome instanceof ItemOutcome.Rejected rejected) {
                    metrics.rejected(rejected.reasonCode());
                }
                // Fresh headers: the producer's content-type describes news.raw, not what ingest writes.
                context.forward(new Record<>(record.key(), outcome, record.timestamp()));
            }
        } catch (RejectedRecordException e) {
            metrics.rejected(e.reasonCode());
            throw e;
        }
    }
}
