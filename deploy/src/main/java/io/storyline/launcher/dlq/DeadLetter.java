package io.storyline.launcher.dlq;

import io.storyline.common.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the dead-letter topic as an operator reads it: where it sits, which service gave up on what and
 * why, and where the original came from.
 *
 * @param at           the dead letter's own position, {@code topic-partition@offset}
 * @param sourceTopic  the topic the original record was read from, null when the letter does not say
 * @param valueOmitted why the original bytes are not in the letter (too large to write), null when they are
 */
record DeadLetter(String at, Instant time, byte[] key, byte[] value, Headers headers, String service,
                  String reason, String message, String sourceTopic, String sourcePosition, String valueOmitted) {

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> h = DeadLetterHeaders.read(record.headers());
        String sourceTopic = h.get(DeadLetterHeaders.TOPIC);
        String source = sourceTopic == null ? null
                : sourceTopic + "-" + h.get(DeadLetterHeaders.PARTITION) + "@" + h.get(DeadLetterHeaders.OFFSET);
        return new DeadLetter(record.topic() + "-" + record.partition() + "@" + record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), record.headers(),
                h.getOrDefault(DeadLetterHeaders.SERVICE, "unknown"), h.getOrDefault(DeadLetterHeaders.REASON, "unknown"),
                h.getOrDefault(DeadLetterHeaders.MESSAGE, ""), sourceTopic, source,
                h.get(DeadLetterHeaders.VALUE_OMITTED));
    }

    /** The key as text, for people; {@code (no key)} when there is none. */
    String keyText() {
        return key == null ? "(no key)" : new String(key, StandardCharsets.UTF_8);
    }
}
