package io.storyline.ingest.publish;

import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.format.ContentType;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes feed files into {@code news.raw}: what {@code ./storyline publish} runs. Every input becomes one or
 * more records keyed by where it came from and labelled with its content type; the producer is idempotent with
 * {@code acks=all}, so a retry never doubles a record. Nothing is judged here beyond readability: ingest decides
 * what is an article and dead-letters the rest.
 *
 * <p>Record times strictly increase in the order the inputs are read (the clock, or one millisecond past the
 * previous record when records come faster than that): the pipeline clusters articles in record-time order, so a
 * replay is clustered in the order of its files, whichever partitions its records land on.
 */
public final class Publisher {

    /** The reason code of a record the cluster did not take (the others are inputs that could not be read). */
    public static final String NOT_PUBLISHED = "not-published";

    private Publisher() {
    }

    /**
     * The producer settings the publisher uses; {@code overrides} (any Kafka producer setting, security included)
     * win, and must hold {@code bootstrap.servers}.
     */
    public static Map<String, Object> producerSettings(Map<String, ?> overrides) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight per partition: with more, a first batch that fails retriably while the next one
        // is appended leaves the idempotent producer retrying it forever with OUT_OF_ORDER_SEQUENCE_NUMBER
        // (KAFKA-14359), and those records are lost once the delivery timeout passes. Seen on a loaded machine;
        // a bulk publisher loses little throughput by waiting for each partition's acknowledgement.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) IngestSettings.DEFAULT_MAX_RECORD_BYTES);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "storyline-publish");
        settings.putAll(overrides);
        return settings;
    }

    /**
     * Publishes every input and waits until each record is acknowledged or has failed.
     *
     * @param paths     files, directories, glob patterns, {@code -} for standard input
     * @param topic     the raw topic's name ({@code news.raw} unless renamed)
     * @param producer  Kafka producer settings with at least {@code bootstrap.servers}
     * @param stdin     what {@code -} reads
     * @param progress  where to draw a progress bar, or null for none
     */
    public static PublishSummary publish(List<String> paths, String topic, Map<String, ?> producer,
                                         InputStream stdin, PrintStream progress) {
        InputFiles.Expansion expansion = InputFiles.expand(paths);
        try (Producer<String, byte[]> kafka = new KafkaProducer<>(producerSettings(producer), new StringSerializer(),
                new ByteArraySerializer())) {
            return publish(expansion, topic, kafka, stdin, progress);
        } catch (KafkaException e) {
            List<Rejection> rejected = new ArrayList<>(expansion.rejected());
            rejected.add(new Rejection(topic, "kafka-unavailable", "cannot publish: " + e.getMessage()));
            return new PublishSummary(expansion.inputs().size(), 0, rejected);
        }
    }

    static PublishSummary publish(InputFiles.Expansion expansion, String topic, Producer<String, byte[]> kafka,
                                  InputStream stdin, PrintStream progressOut) {
        List<Rejection> rejected = Collections.synchronizedList(new ArrayList<>(expansion.rejected()));
        AtomicLong acknowledged = new AtomicLong();
        Progress progress = Progress.on(progressOut, expansion.inputs().size());
        long lastTimestamp = Long.MIN_VALUE;
        for (FeedInput input : expansion.inputs()) {
            List<OutgoingRecord> records = InputReader.recordsOrRejection(input, stdin, rejected);
            for (OutgoingRecord record : records) {
                RecordHeaders headers = new RecordHeaders();
                if (record.contentType() != null) {
                    headers.add(ContentType.HEADER, record.contentType().getBytes(StandardCharsets.UTF_8));
                }
                lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
                kafka.send(new ProducerRecord<>(topic, null, lastTimestamp, record.key(), record.value(), headers),
                        (metadata, failure) -> {
                            if (failure == null) {
                                acknowledged.incrementAndGet();
                            } else {
                                rejected.add(new Rejection(record.key(), NOT_PUBLISHED,
                                        "the cluster did not take it: " + failure.getMessage()));
                            }
                        });
                progress.recordSent();
            }
            progress.inputDone();
        }
        kafka.flush();
        progress.finish();
        return new PublishSummary(expansion.inputs().size(), acknowledged.get(), List.copyOf(rejected));
    }
}
