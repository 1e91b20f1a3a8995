package io.storyline.common.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * A write that fails because of the broker (away, busy, a leader moving) is retried, never dead-lettered: the record
 * was fine. A write the broker refuses for the record itself becomes a dead letter; a dead letter that cannot be
 * written stops the client.
 */
class ProductionErrorsTest {

    private static final String DLQ = "news.dlq";
    private static final byte[] SOURCE = "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);

    private final DeadLetterHandler handler = configured();

    private static DeadLetterHandler configured() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ,
                DeadLetterHandler.SERVICE_CONFIG, "enrich"));
        return handler;
    }

    @Test
    void aBrokerSideFailureIsRetriedWithoutADeadLetter() {
        for (Exception failure : List.of(new TimeoutException("delivery timed out"),
                new NotEnoughReplicasException("unable to verify the partition"))) {
            for (String topic : List.of("news.enriched", DLQ)) {
                ProductionExceptionHandler.Response response = handler.handleError(context(),
                        new ProducerRecord<>(topic, SOURCE), failure);
                assertEquals(Result.RETRY, response.result(), topic + ": " + failure);
                assertEquals(List.of(), response.deadLetterQueueRecords(), topic + ": " + failure);
            }
        }
    }

    @Test
    void aRecordTheBrokerRefusesBecomesADeadLetterWithItsSourceBytes() {
        ProductionExceptionHandler.Response response = handler.handleError(context(),
                new ProducerRecord<>("news.enriched", SOURCE), new RecordTooLargeException("too large"));
        assertEquals(Result.RESUME, response.result());
        List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords();
        assertEquals(1, letters.size());
        assertEquals(DLQ, letters.get(0).topic());
        assertArrayEquals(SOURCE, letters.get(0).value(), "the letter carries the source record's bytes");
    }

    @Test
    void aDeadLetterTheBrokerRefusesStopsTheClient() {
        ProductionExceptionHandler.Response response = handler.handleError(context(),
                new ProducerRecord<>(DLQ, SOURCE), new RecordTooLargeException("too large"));
        assertEquals(Result.FAIL, response.result());
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "news.articles";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 7;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "enriched";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return "a-1".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sourceRawValue() {
                return SOURCE;
            }
        };
    }
}
