package io.storyline.common.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.FutureSchemaVersionException;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Validated;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A progress mark: how far one task of a stage has come, written in band with the stage's data to every partition
 * of its output topic ({@code news.articles}, {@code news.enriched}, the services' internal topics). A mark says
 * that every record this task writes after it has a record time of at least {@link #time()}, or, when {@link
 * #caughtUp()}, that the task has nothing left to write. A downstream task that has a mark from every source
 * knows which record times can no longer arrive: that, not a timer, is what lets the aggregate's ordering stage
 * release articles in the same order on every run.
 *
 * <p>Marks are recognised by the header {@link #HEADER}, without parsing the value: consumers of the public
 * topics skip records that carry it. The value is small JSON, for example
 * {@code {"schema_version":1,"source":2,"sources":6,"time":1732180000123,"caught_up":false}}.
 *
 * @param source   the task that wrote it: the partition of the stage's input topic it reads
 * @param sources  how many tasks the stage has (its input topic's partitions): a reader waits for all of them
 * @param time     every later record of this source has a record time at least this (epoch milliseconds)
 * @param caughtUp the source has delivered everything there is: it holds nothing back until it writes again
 */
public record ProgressMark(int schemaVersion, int source, int sources, long time, boolean caughtUp)
        implements Validated {

    public static final int SCHEMA_VERSION = 1;
    /**
     * The key of every mark: marks go to every partition whatever their key, but Kafka Streams drops records without
     * a key on their way into a repartition topic (the null-key filter it puts before every repartition sink).
     */
    public static final String KEY = "storyline.progress";
    /** The header that marks a progress mark; its value is {@code 1}. */
    public static final String HEADER = "storyline.progress";
    private static final byte[] HEADER_VALUE = "1".getBytes(StandardCharsets.UTF_8);

    public static ProgressMark at(int source, int sources, long time) {
        return new ProgressMark(SCHEMA_VERSION, source, sources, time, false);
    }

    public static ProgressMark caughtUp(int source, int sources, long time) {
        return new ProgressMark(SCHEMA_VERSION, source, sources, time, true);
    }

    /** Whether a record with these headers is a progress mark rather than data. */
    public static boolean isMark(Headers headers) {
        return headers != null && headers.lastHeader(HEADER) != null;
    }

    /**
     * Whether a JSON record is a progress mark, for readers of a topic's values without their headers (a dump of a
     * topic to a file): an object with {@code sources} and {@code caught_up} and without a {@code body}.
     */
    public static boolean isMark(JsonNode record) {
        return record != null && record.isObject() && record.has("sources") && record.has("caught_up")
                && !record.has("body");
    }

    /** Headers that make a record a progress mark. */
    public static Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, HEADER_VALUE);
        return headers;
    }

    /** Adds the mark header to {@code headers} unless it is there (headers of a record already sent are read-only). */
    static void ensureHeader(Headers headers) {
        if (!isMark(headers)) {
            headers.add(HEADER, HEADER_VALUE);
        }
    }

    /**
     * The least record time a reader may still receive from this source: {@link Long#MAX_VALUE} once it is caught up.
     */
    @JsonIgnore
    public long bound() {
        return caughtUp ? Long.MAX_VALUE : time;
    }

    @Override
    public void validate() {
        FutureSchemaVersionException.requireKnown("the progress mark's", schemaVersion, SCHEMA_VERSION);
        InvalidRecordException.require(source >= 0, "source must not be negative");
        InvalidRecordException.require(sources >= 1, "sources must be at least 1");
    }
}
