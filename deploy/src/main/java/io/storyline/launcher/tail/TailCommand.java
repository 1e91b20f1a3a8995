package io.storyline.launcher.tail;

import io.storyline.common.progress.ProgressMark;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.KafkaOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code storyline tail incidents|events|alerts}: follows an output topic and prints one readable line per record. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow news.incidents, news.incident-events or news.alerts, readable (committed records only).")
public final class TailCommand implements Callable<Integer> {

    enum Stream { incidents, events, alerts }

    @Parameters(index = "0", paramLabel = "incidents|events|alerts", description = "which output to follow")
    Stream stream;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from-beginning", description = "start from the oldest record instead of new ones")
    boolean fromBeginning;

    @Option(names = "--json", description = "print each record's JSON as it is on the topic")
    boolean json;

    @Option(names = "--max-records", paramLabel = "N", description = "exit after N records")
    long maxRecords = Long.MAX_VALUE;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StorylineConfig config = kafka.resolveWithCluster(Map.of());
        Topics topics = config.topics();
        String topic = switch (stream) {
            case incidents -> topics.incidents().name();
            case events -> topics.incidentEvents().name();
            case alerts -> topics.alerts().name();
        };
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> props = config.kafkaSettings();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "storyline-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Thread hook = new Thread(consumer::wakeup, "tail-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            if (partitions.isEmpty()) {
                throw new io.storyline.launcher.UserError("topic " + topic + " does not exist on "
                        + config.string("bootstrap.servers", "?"));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            try {
                while (printed < maxRecords) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (ProgressMark.isMark(record.headers())) {
                            continue;  // a consumer of Storyline's topics skips progress marks
                        }
                        out.println(format(record, topics));
                        out.flush();
                        if (++printed >= maxRecords) {
                            break;
                        }
                    }
                }
            } catch (WakeupException e) {
                // Ctrl-C: stop following
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down (Ctrl-C): the hook has run
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new io.storyline.common.runtime.KafkaUnavailableException(
                    "cannot reach Kafka at " + config.string("bootstrap.servers", "?") + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private String format(ConsumerRecord<String, byte[]> record, Topics topics) {
        if (record.value() == null) {
            return record.key() + "  deleted";
        }
        if (json) {
            return new String(record.value(), StandardCharsets.UTF_8);
        }
        try {
            return switch (stream) {
                case incidents -> IncidentFormat.incident(Topics.INCIDENT_SERDE.fromBytes(record.value()));
                case events -> IncidentFormat.event(Topics.INCIDENT_EVENT_SERDE.fromBytes(record.value()));
                case alerts -> AlertFormat.alert(Topics.ALERT_SERDE.fromBytes(record.value()));
            };
        } catch (SerializationException e) {
            return record.key() + "  (unreadable record: " + e.getMessage() + ")";
        }
    }
}
