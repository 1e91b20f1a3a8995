package io.storyline.common.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import io.storyline.common.json.FutureSchemaVersionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

/**
 * The headers of a {@code news.dlq} record. They extend Kafka Streams' own dead-letter headers (KIP-1034:
 * {@code __streams.errors.*}: exception, message, stack trace, source topic, partition, offset) with the service
 * that gave up and a stable reason code, so one reader understands every dead letter, whichever path wrote it.
 */
public final class DeadLetterHeaders {

    public static final String SERVICE = "storyline.service";
    public static final String REASON = "storyline.reason";
    public static final String EXCEPTION = ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME;
    public static final String MESSAGE = ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME;
    public static final String STACKTRACE = ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME;
    public static final String TOPIC = ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME;
    public static final String PARTITION = ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME;
    public static final String OFFSET = ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME;

    /**
     * On a dead letter written without the rejected value because the value itself could not be written (too
     * large for the producer): why, and how many bytes; the value stays readable at its source ({@link #TOPIC},
     * {@link #PARTITION}, {@link #OFFSET}) while that topic retains it.
     */
    public static final String VALUE_OMITTED = "storyline.value.omitted";

    /** Header a replay adds to what it re-publishes: the dead letter it came from ({@code topic/partition/offset}). */
    public static final String REPLAYED_FROM = "storyline.replayed.from";

    /** Prefix of Kafka Streams' own dead-letter headers. */
    private static final String STREAMS_ERRORS_PREFIX = "__streams.errors.";

    /** Reason code of failures no rule anticipated. */
    public static final String UNEXPECTED = "unexpected-error";

    private DeadLetterHeaders() {
    }

    /**
     * Headers for a record that {@code service} could not process.
     *
     * @param failure what went wrong; a {@link RejectedRecordException} gives the reason code and carries no stack
     *                trace (it is expected input, not a bug)
     */
    public static Headers of(String service, Throwable failure, String topic, int partition, long offset) {
        String stackTrace = failure instanceof RejectedRecordException ? null : stackTrace(failure);
        return of(service, reasonCode(failure), messageOf(failure), failure.getClass().getName(), stackTrace,
                topic, partition, offset);
    }

    /** Headers for a part of a record (one item of a feed, say) rejected without an exception being thrown. */
    public static Headers of(String service, String reasonCode, String message, String topic, int partition,
                             long offset) {
        return of(service, reasonCode, message, RejectedRecordException.class.getName(), null, topic, partition,
                offset);
    }

    private static Headers of(String service, String reasonCode, String message, String exception,
                              String stackTrace, String topic, int partition, long offset) {
        Headers headers = new RecordHeaders();
        add(headers, SERVICE, service);
        add(headers, REASON, reasonCode);
        add(headers, EXCEPTION, exception);
        add(headers, MESSAGE, message);
        add(headers, STACKTRACE, stackTrace);
        add(headers, TOPIC, topic);
        add(headers, PARTITION, Integer.toString(partition));
        add(headers, OFFSET, Long.toString(offset));
        return headers;
    }

    /**
     * The headers the record carried before it failed, followed by {@code letter}'s: the dead letter keeps what a
     * replay must restore. Dead-letter headers of an earlier failure (a replayed record that failed again) are not
     * carried over, so a letter has one service, one reason and one source.
     */
    public static Headers carryingOriginal(Headers original, Headers letter) {
        Headers out = withoutDeadLetterHeaders(original);
        letter.forEach(out::add);
        return out;
    }

    /** What a dead letter carried of its record's own headers: everything but the dead-letter headers. */
    public static Headers withoutDeadLetterHeaders(Headers headers) {
        Headers out = new RecordHeaders();
        if (headers != null) {
            for (Header header : headers) {
                if (!isDeadLetterHeader(header.key())) {
                    out.add(header.key(), header.value());
                }
            }
        }
        return out;
    }

    static boolean isDeadLetterHeader(String key) {
        return key.startsWith(STREAMS_ERRORS_PREFIX) || key.equals(SERVICE) || key.equals(REASON)
                || key.equals(VALUE_OMITTED);
    }

    public static String reasonCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedRecordException rejected) {
                return rejected.reasonCode();
            }
            if (t instanceof FutureSchemaVersionException) {
                return "unsupported-schema-version";
            }
            if (t instanceof RecordTooLargeException) {
                return "record-too-large";
            }
        }
        return failure instanceof org.apache.kafka.common.errors.SerializationException ? "undecodable" : UNEXPECTED;
    }

    /** The innermost meaningful message: Streams wraps processor failures, the reader wants the cause. */
    public static String messageOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedRecordException) {
                return t.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() != null ? failure.getMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** Header values as text, in order, for printing and tests. */
    public static Map<String, String> read(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header header : headers) {
            out.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void add(Headers headers, String key, String value) {
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter writer = new StringWriter();
        failure.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
