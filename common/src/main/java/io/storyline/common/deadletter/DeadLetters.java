package io.storyline.common.deadletter;

import io.storyline.common.metrics.ServiceMetrics;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Writes explicitly rejected parts of records to the dead-letter topic, with the same headers as the handler. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Sends every letter of {@code letters} to {@code dlqTopic}, stamped with {@code service} and its source. */
    public static void sendTo(KStream<?, DeadLetter> letters, String dlqTopic, String service) {
        letters.process(() -> new Stamp<>(service), Named.as(service + "-dead-letter-headers"))
                .to(dlqTopic, Produced.<byte[], byte[]>with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(service + "-dead-letters"));
    }

    private static final class Stamp<K> implements Processor<K, DeadLetter, byte[], byte[]> {
        private final String service;
        private ProcessorContext<byte[], byte[]> context;
        private ServiceMetrics metrics;

        Stamp(String service) {
            this.service = service;
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
            this.metrics = ServiceMetrics.of(context);
        }

        @Override
        public void process(Record<K, DeadLetter> record) {
            DeadLetter letter = record.value();
            metrics.rejected(letter.reasonCode());
            Optional<RecordMetadata> source = context.recordMetadata();
            context.forward(new Record<>(letter.key(), letter.value(), record.timestamp(),
                    DeadLetterHeaders.of(service, letter.reasonCode(), letter.reason(),
                            source.map(RecordMetadata::topic).orElse(null),
                            source.map(RecordMetadata::partition).orElse(-1),
                            source.map(RecordMetadata::offset).orElse(-1L))));
        }
    }
}
