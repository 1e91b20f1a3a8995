package io.storyline.deploy.faults;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.bench.ServiceInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Storyline's three services against one cluster, each instance in its own JVM started through the built
 * launcher ({@code target/storyline.jar}), as containers run them, so a test can kill one with SIGKILL. Topics and
 * application ids carry a prefix of the test's own; each instance keeps its state directory across restarts, as a
 * pod with a volume does.
 */
final class FaultPipeline implements AutoCloseable {

    static final String SERVICES[] = {"ingest", "enrich", "aggregate"};
    static final Duration READY_DEADLINE = Duration.ofMinutes(2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String bootstrap;
    private final String prefix;
    private final Topics topics;
    private final Path dir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<ServiceInstance> started = new ArrayList<>();
    private final AtomicInteger launches = new AtomicInteger();

    /** @param extraSettings on top of the test settings, e.g. a smaller maximum record size */
    FaultPipeline(String name, String bootstrap, Map<String, String> extraSettings) {
        this.bootstrap = bootstrap;
        this.prefix = name + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36)
                + ".";
        this.topics = Topics.defaults().renamed(key -> prefix + Topics.defaults().all().stream()
                .filter(t -> t.key().equals(key)).findFirst().orElseThrow().name());
        try {
            this.dir = Files.createTempDirectory("storyline-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        topics.all().forEach(t -> settings.put(StorylineConfig.PREFIX + "topic." + t.key(), t.name()));
        for (String service : SERVICES) {
            settings.put(StorylineConfig.PREFIX + service + ".application.id", prefix + service);
        }
        settings.put(TopicsSetup.PARTITIONS, "3");
        // A killed member's partitions move once its session expires: the broker's minimum keeps the tests short.
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1500");
        settings.putAll(extraSettings);
    }

    FaultPipeline(String name, String bootstrap) {
        this(name, bootstrap, Map.of());
    }

    Topics topics() {
        return topics;
    }

    /** Settings a plain client of this pipeline's cluster needs. */
    Map<String, Object> clientSettings() {
        return new HashMap<>(Map.of("bootstrap.servers", bootstrap));
    }

    /** This pipeline's topic names as a launcher command reads them from the environment. */
    Map<String, String> topicEnvironment() {
        Map<String, String> env = new HashMap<>();
        topics.all().forEach(t -> env.put(StorylineConfig.envNameOf(StorylineConfig.PREFIX + "topic." + t.key()),
                t.name()));
        return env;
    }

    /** Environment variables every instance started after this call gets. */
    FaultPipeline environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Starts instance {@code number} of {@code service} (again, after a kill: same state directory). */
    ServiceInstance start(String service, int number) {
        String instance = service + "-" + number;
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.put("state.dir", dir.resolve("state").resolve(instance).toString());
        own.put("client.id", prefix + instance);
        ServiceInstance started = ServiceInstance.start(service, instance, Launcher.classpath(),
                Launcher.jvmOptions(service), bootstrap, own, environment,
                dir.resolve(instance + "-" + launches.incrementAndGet() + ".log"));
        this.started.add(started);
        return started;
    }

    /** One instance of each service, started together and ready. */
    List<ServiceInstance> startAll() {
        List<ServiceInstance> instances = new ArrayList<>();
        for (String service : SERVICES) {
            instances.add(start(service, 1));
        }
        instances.forEach(i -> i.awaitReady(READY_DEADLINE));
        return instances;
    }

    /** The last lines of every instance's output, for a failing test's message. */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (ServiceInstance instance : started) {
            List<String> lines = instance.output().lines().toList();
            out.append("--- ").append(instance).append(instance.isAlive() ? " (running)" : " (ended)").append('\n');
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    /**
     * Writes raw records straight into a topic, as a producer other than Storyline's would, and waits until the
     * broker has taken every one (a record the topic refuses fails the test here, not later).
     */
    void produce(String topic, Map<String, byte[]> records) {
        Map<String, Object> props = clientSettings();
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
    void createTopic(String name, Map<String, String> configs) {
        try (Admin admin = Admin.create(clientSettings())) {
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

    @Override
    public void close() {
        started.forEach(ServiceInstance::close);
    }
}
