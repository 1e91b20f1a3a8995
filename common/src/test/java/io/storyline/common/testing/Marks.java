package io.storyline.common.testing;

import io.storyline.common.json.JsonSerde;
import io.storyline.common.progress.ProgressMark;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Progress marks as a test's stand-in for an upstream stage writes them (a test that feeds a stage directly plays
 * the part of the stage before it, marks included).
 */
public final class Marks {

    private static final JsonSerde<ProgressMark> JSON = JsonSerde.of(ProgressMark.class);

    private Marks() {
    }

    public static byte[] bytes(ProgressMark mark) {
        return JSON.toBytes(mark);
    }

    /** A mark for a {@code TopologyTestDriver} input topic of bytes. */
    public static TestRecord<String, byte[]> testRecord(ProgressMark mark, Instant timestamp) {
        return new TestRecord<>(ProgressMark.KEY, bytes(mark), ProgressMark.headers(), timestamp);
    }

    /** A mark to {@code partition} of {@code topic} on a real broker. */
    public static ProducerRecord<String, byte[]> producerRecord(String topic, int partition, ProgressMark mark) {
        return new ProducerRecord<>(topic, partition, Math.max(0, mark.time()), ProgressMark.KEY, bytes(mark),
                ProgressMark.headers());
    }

    /** What one upstream source that has delivered everything writes to every partition. */
    public static ProgressMark caughtUp() {
        return ProgressMark.caughtUp(0, 1, 0);
    }
}
