package io.storyline.deploy.faults;

import io.storyline.launcher.bench.ChildPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the fault tests share: a pipeline of child services from the built launcher, and raw writes to topics. */
final class Faults {

    static final Duration READY_DEADLINE = Duration.ofMinutes(2);

    private Faults() {
    }

    /**
     * The three services of the built launcher against {@code bootstrap} (null: the environment names it), each
     * instance in its own JVM within its heap target, with the broker's shortest session timeout so that a killed
     * member's partitions move within seconds.
     */
    static ChildPipeline pipeline(String name, String bootstrap) {
        try {
            return new ChildPipeline(name, bootstrap, Files.createTempDirectory("storyline-" + name + "-"),
                    Launcher.classpath(), Launcher::jvmOptions,
                    Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1500"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes raw records straight into a topic, as a producer other than Storyline's would, and waits until the
     * broker has taken every one (a record the topic refuses fails the test here, not later).
     */
    static void produce(Map<String, Object> clientSettings, String topic, Map<String, byte[]> records) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 20 << 20);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach((key, value) -> sent.add(producer.send(new ProducerRecord<>(topic, key, value))));
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record for " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a topic as an operator would before the services start (they leave existing topics alone). */
    static void createTopic(Map<String, Object> clientSettings, String name, Map<String, String> configs) {
        try (Admin admin = Admin.create(clientSettings)) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1).configs(configs))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + name + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every article id of the expected incidents. */
    static Set<String> ids(Map<String, Set<String>> expectedIncidents) {
        return expectedIncidents.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }
}
