package io.storyline.common.deadletter;

import io.storyline.common.metrics.ServiceMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' three exception hooks in one place: a record that cannot be decoded, processed or written goes
 * to the dead-letter topic with its original key, bytes and headers and the reason, and the service carries on. The
 * dead letter is produced by the task's own producer, so under exactly-once it commits together with the
 * input offset: a record is either processed or dead-lettered, never lost and never both.
 *
 * <p>Configured through {@link StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG} and {@link #SERVICE_CONFIG}.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler,
        ProductionExceptionHandler {

    public static final String SERVICE_CONFIG = "storyline.service";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    /** Room left in a dead letter for its key and headers (the stack trace is the largest). */
    private static final int HEADROOM = 64 << 10;

    private String topic;
    private String service;
    private int maxValueBytes;
    private ServiceMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        Object dlq = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (dlq == null || dlq.toString().isBlank()) {
            throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must name the dead-letter topic");
        }
        topic = dlq.toString();
        Object name = configs.get(SERVICE_CONFIG);
        service = name == null ? "unknown" : name.toString();
        Object requestSize = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (requestSize == null) {
            requestSize = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        maxValueBytes = (requestSize == null ? 1 << 20 : Integer.parseInt(requestSize.toString().trim())) - HEADROOM;
        metrics = ServiceMetrics.of(configs);
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(letter(context, record.key(), record.value(), exception));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        return ProcessingExceptionHandler.Response.resume(
                letter(context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            // The broker was away or busy (a restart, a leader moving, a delivery timeout), not the record at
            // fault, a dead letter's own write included: Streams retries the task from its last commit, as Kafka's
            // own handler does. A dead letter here would put a good record on news.dlq and, without exactly-once,
            // drop it from the output.
            LOG.warn("{}: writing to {} failed for now, the task retries from its last commit: {}", service,
                    record.topic(), DeadLetterHeaders.messageOf(exception));
            return ProductionExceptionHandler.Response.retry();
        }
        if (topic.equals(record.topic())) {
            // The dead letter itself could not be written: there is nowhere left to put the record, and
            // resuming would lose it. Failing stops the client (the process exits non-zero) with the cause logged.
            LOG.error("{}: cannot write a dead letter to {}: {}", service, topic,
                    DeadLetterHeaders.messageOf(exception));
            return ProductionExceptionHandler.Response.fail();
        }
        return ProductionExceptionHandler.Response.resume(
                letter(context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
                                                                        ProducerRecord record, Exception exception,
                                                                        SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(
                letter(context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }

    private List<ProducerRecord<byte[], byte[]>> letter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                        Exception exception) {
        String reason = DeadLetterHeaders.reasonCode(exception);
        metrics.rejected(reason);
        LOG.warn("{}: record {}-{}@{} sent to {} ({}): {}", service, context.topic(), context.partition(),
                context.offset(), topic, reason, DeadLetterHeaders.messageOf(exception));
        Headers headers = DeadLetterHeaders.carryingOriginal(context.headers(), DeadLetterHeaders.of(service,
                exception, context.topic(), context.partition(), context.offset()));
        if (value != null && value.length > maxValueBytes) {
            // Under exactly-once a send the producer refuses aborts the whole transaction, and the record would
            // come back after every retry: a letter too large to write goes without its value, which stays
            // readable at the source the headers name.
            headers.add(DeadLetterHeaders.VALUE_OMITTED, (value.length + " bytes, more than this service's producer "
                    + "may send (max.request.size)").getBytes(StandardCharsets.UTF_8));
            value = null;
        }
        return List.of(new ProducerRecord<>(topic, null, key, value, headers));
    }
}
