package io.storyline.board.feed;

import io.storyline.board.BoardSettings;
import io.storyline.board.incidents.BoardState;
import io.storyline.board.ops.DeadLetterCounts;
import io.storyline.board.ops.Throughput;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's only connection to Storyline's data: one consumer, assigned every partition of
 * {@code news.incidents}, {@code news.incident-events} and {@code news.dlq}, reading committed records only. It
 * joins no consumer group and commits nothing: at every start it rebuilds the board from the compacted incidents
 * topic (from its beginning), the events of the last window and the dead letters of the last day, then follows
 * all three. The board is ready once it has read what the topics held when it started.
 */
public final class TopicFeed implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration EVICT_EVERY = Duration.ofMinutes(1);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final BoardSettings settings;
    private final BoardState state;
    private final Throughput throughput;
    private final DeadLetterCounts deadLetters;
    private final Consumer<Set<String>> onChange;
    private final Clock clock;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile String waitingFor = "starting";
    private Map<TopicPartition, Long> startEnds = Map.of();

    /**
     * @param kafka    consumer settings (bootstrap servers, security); the board sets its own isolation level
     * @param onChange called with the ids of incidents that changed, after each batch of records
     */
    public TopicFeed(Map<String, Object> kafka, Topics topics, BoardSettings settings, BoardState state,
                     Throughput throughput, DeadLetterCounts deadLetters, Consumer<Set<String>> onChange,
                     Clock clock) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // Where a position is lost (retention deleted what it pointed at), reading on from the oldest rebuilds.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The board reads; it never creates a topic, not even by asking for one that is missing.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "storyline-board");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.settings = settings;
        this.state = state;
        this.throughput = throughput;
        this.deadLetters = deadLetters;
        this.onChange = onChange;
        this.clock = clock;
    }

    /** Whether the board has read everything its topics held at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Why the board is not ready yet, for the readiness answer. */
    public String waitingFor() {
        return waitingFor;
    }

    @Override
    public void run() {
        try {
            assign();
            long nextEviction = 0;
            while (running) {
                Set<String> changed = new HashSet<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    apply(record, changed);
                }
                if (clock.millis() >= nextEviction) {
                    state.evict(changed);
                    nextEviction = clock.millis() + EVICT_EVERY.toMillis();
                }
                if (!caughtUp && reachedStartEnds()) {
                    caughtUp = true;
                    waitingFor = null;
                    LOG.info("board rebuilt from the topics: {} incidents", state.size());
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            waitingFor = "the feed failed: " + e.getMessage();
            LOG.error("the board's feed failed: {}", e.getMessage(), e);
            throw e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Set<String> changed) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (record.topic().equals(topics.incidents().name())) {
            state.applyIncident(key, record.value(), changed);
        } else if (record.topic().equals(topics.incidentEvents().name())) {
            IncidentEvent event = state.applyEvent(key, record.value(), changed);
            if (event != null) {
                throughput.count(event);
            }
        } else {
            deadLetters.count(record.headers(), record.timestamp());
        }
    }

    /** Waits for the topics (the board creates none: it only reads), then assigns and positions every partition. */
    private void assign() {
        List<TopicPartition> incidents = partitions(topics.incidents().name());
        List<TopicPartition> events = partitions(topics.incidentEvents().name());
        List<TopicPartition> dlq = partitions(topics.dlq().name());
        List<TopicPartition> all = new ArrayList<>(incidents);
        all.addAll(events);
        all.addAll(dlq);
        consumer.assign(all);
        // Explicit offsets, not the lazy seekToBeginning/seekToEnd: the rebuild must start where it says.
        startEnds = consumer.endOffsets(all);
        consumer.beginningOffsets(incidents).forEach(consumer::seek);
        seekToTime(events, clock.millis() - settings.window().toMillis());
        seekToTime(dlq, clock.millis() - DeadLetterCounts.WINDOW.toMillis());
        waitingFor = "reading the topics";
    }

    private List<TopicPartition> partitions(String topic) {
        while (running) {
            waitingFor = "waiting for topic " + topic;
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                }
                LOG.info("topic {} does not exist yet; the board waits for the services to create it", topic);
            } catch (TimeoutException e) {
                // A board outlives a broker that is down or not up yet; readiness says what it waits for.
                waitingFor = "cannot reach Kafka (" + e.getMessage() + "); retrying";
                LOG.warn("the board cannot reach Kafka: {}; retrying", e.getMessage());
            }
            try {
                Thread.sleep(TOPIC_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
        throw new WakeupException();
    }

    private void seekToTime(List<TopicPartition> partitions, long since) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        offsets.forEach((partition, offset) -> consumer.seek(partition,
                offset != null ? offset.offset() : startEnds.get(partition)));
    }

    private boolean reachedStartEnds() {
        for (var entry : startEnds.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Stops the loop; the consumer closes on its own thread. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
