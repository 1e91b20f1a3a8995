package io.storyline.deploy.ops;

import io.storyline.board.Board;
import io.storyline.common.incident.Incident;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.PrometheusScrape;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import io.storyline.common.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Storyline's services on the test broker, each instance configured as the compose file configures its
 * container — the same environment, resolved the same way — with only what a shared test broker needs on top
 * (the broker's address, topic names and application ids of this test's own, a state directory and a free HTTP
 * port per instance). Remembers which settings each service looked up.
 */
final class Pipeline implements AutoCloseable {

    private final TestTopics test;
    private final Map<String, String> overrides;
    private final Path stateRoot;
    private final List<ServiceRuntime> runtimes = new ArrayList<>();
    private final Map<String, List<StorylineConfig>> configs = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Board> boards = new ArrayList<>();

    /** @param partitions partitions of the topics the services create */
    Pipeline(String name, int partitions) {
        this.test = TestTopics.unique(name);
        this.overrides = new HashMap<>(test.config(Map.of(TopicsSetup.PARTITIONS, Integer.toString(partitions),
                TopicsSetup.CREATE, "true", HttpEndpoints.PORT, "0")).asMap());
        try {
            this.stateRoot = Files.createTempDirectory("storyline-ops-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Topics topics() {
        return test.topics();
    }

    /** Starts one more instance of {@code service}. */
    ServiceRuntime start(String service) {
        return start(service, Map.of());
    }

    /** Starts one more instance of {@code service}, with {@code settings} as an operator's flags. */
    ServiceRuntime start(String service, Map<String, String> settings) {
        List<StorylineConfig> started = configs.computeIfAbsent(service, s -> new ArrayList<>());
        String instance = service + "-" + (started.size() + 1);
        Map<String, String> instanceOverrides = new HashMap<>(overrides);
        instanceOverrides.putAll(settings);
        instanceOverrides.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(instance).toString());
        instanceOverrides.put(StreamsConfig.CLIENT_ID_CONFIG, test.prefix() + instance);
        StorylineConfig config = StorylineConfig.resolve(Map.of(), null, composeEnvironment(service),
                instanceOverrides);
        started.add(config);
        ServiceRuntime runtime = ServiceRuntime.start(ServiceFacts.kind(service).create(), config);
        runtimes.add(runtime);
        return runtime;
    }

    /** Starts the board as the compose file configures it, on this pipeline's topics. */
    Board startBoard() {
        StorylineConfig config = StorylineConfig.resolve(Map.of(), null, composeEnvironment(Deployables.BOARD),
                overrides);
        configs.computeIfAbsent(Deployables.BOARD, s -> new ArrayList<>()).add(config);
        Board board = Board.start(config);
        boards.add(board);
        return board;
    }

    /** The compose container's environment, files it names read from what the compose file mounts there. */
    private static Map<String, String> composeEnvironment(String service) {
        return Deployables.onThisMachine(Deployables.composeContainers(List.of(service)).stream().findFirst()
                .orElseThrow().environment());
    }

    /** Every setting the instances of {@code service} looked up so far. */
    Set<String> keysRead(String service) {
        Set<String> keys = new TreeSet<>();
        configs.getOrDefault(service, List.of()).forEach(config -> keys.addAll(config.keysRead()));
        return keys;
    }

    /** Publishes raw records to news.raw, keyed by {@code key}, and waits for the broker's acknowledgements. */
    void publish(Map<String, String> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            records.forEach((key, value) -> producer.send(new ProducerRecord<>(topics().raw().name(), key,
                    value.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** Waits until the live incidents hold every one of {@code articleIds}; returns them by id. */
    Map<String, Incident> awaitIncidentsHolding(Set<String> articleIds) {
        try (TopicReader<String, byte[]> reader = new TopicReader<>(topics().incidents().name(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return liveIncidents(reader.readUntil(records -> placed(liveIncidents(records)).containsAll(articleIds)));
        }
    }

    static Set<String> placed(Map<String, Incident> incidents) {
        Set<String> placed = new TreeSet<>();
        incidents.values().forEach(incident -> placed.addAll(incident.articleIds()));
        return placed;
    }

    /** The latest record per incident, merged-away and deleted ones left out. */
    private Map<String, Incident> liveIncidents(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Incident> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), Topics.INCIDENT_SERDE.deserializer().deserialize(null, record.value()));
            }
        }
        latest.values().removeIf(incident -> incident.mergedInto() != null);
        return latest;
    }

    /** Waits until {@code count} dead letters are committed on news.dlq. */
    void awaitDeadLetters(int count) {
        try (TopicReader<byte[], byte[]> reader = new TopicReader<>(topics().dlq().name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.readAtLeast(count);
        }
    }

    /** Keys of every committed record of {@code topic}, read to its end. */
    List<String> committedKeys(String topic) {
        return TopicReader.committed(topic).stream()
                .map(record -> record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))
                .toList();
    }

    /**
     * Waits until {@code runtime} answers 200 on {@code /health/ready}: its first assignment is done and it
     * restores nothing. Asks every 100 ms; the deadline only keeps a broken build from hanging.
     */
    void awaitReady(ServiceRuntime runtime) {
        URI ready = URI.create("http://localhost:" + runtime.httpPort() + "/health/ready");
        Instant deadline = Instant.now().plus(TopicReader.SAFETY_DEADLINE);
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(runtime.service().name() + " never became ready: " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** A sample of {@code runtime}'s {@code /metrics}, 0 where the series does not exist (yet). */
    double metric(ServiceRuntime runtime, String metric, String... labels) {
        return PrometheusScrape.sample(scrape(runtime), metric, labels).orElse(0.0);
    }

    /** {@code runtime}'s {@code /metrics} answer. */
    String scrape(ServiceRuntime runtime) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + runtime.httpPort()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        boards.forEach(Board::close);
        runtimes.parallelStream().forEach(ServiceRuntime::close);
        try {
            Utils.delete(stateRoot.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
