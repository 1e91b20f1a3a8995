package io.storyline.alert.delivery;

import io.storyline.alert.rules.RuleBook;
import io.storyline.alert.rules.Webhook;
import io.storyline.common.alert.Alert;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.metrics.ServiceMetrics;
import io.storyline.common.runtime.ServiceWorker;
import io.storyline.common.topic.Topics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code news.alerts} to the rules' webhooks, losing none: a plain consumer (group
 * {@code <application id>-delivery}), not a Kafka Streams task, because a Streams task handles its records one
 * after another and commits what it has read, while delivery must let one incident's alerts wait for a failing
 * endpoint without holding the others back, and commit a record only once it is settled.
 *
 * <ul>
 *   <li><b>Order per incident.</b> Alerts are keyed by incident id, so an incident's alerts come in order from one
 *       partition. Each (webhook, incident) pair is a lane: its next alert goes out only once the one before it is
 *       settled (delivered, or dead-lettered). Lanes run side by side, up to {@code concurrency} requests at
 *       once.</li>
 *   <li><b>Commit after success.</b> A partition's committed offset is its first record not yet settled
 *       ({@link PartitionProgress}); after a crash or rebalance the new owner starts there, so an alert is sent
 *       again rather than missed. Receivers see duplicates only with the same {@code webhook-id}.</li>
 *   <li><b>Retries.</b> A network error, a timeout, 408, 425, 429 or 5xx is retried with exponential backoff and
 *       jitter ({@link Backoff}, honouring {@code Retry-After}); any other non-2xx answer cannot change by
 *       retrying and is dead-lettered at once ({@code webhook-rejected}).</li>
 *   <li><b>Giving up.</b> A delivery still failing {@code giveUpAfter} after its first attempt (or after its
 *       webhook began failing, when that was earlier: a webhook down for long does not take that long per alert)
 *       goes to {@code news.dlq} ({@code webhook-undeliverable}, with the webhook, attempts and last answer in
 *       headers), and its lane moves on.</li>
 * </ul>
 */
public final class WebhookDelivery implements ServiceWorker {

    /** Statuses retrying may change. */
    private static final List<Integer> RETRYABLE = List.of(408, 425, 429);
    private static final String USER_AGENT = "Storyline-Alert/0.1";
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    /** How delivery behaves; see the alert README for the settings behind each. */
    public record Settings(Duration requestTimeout, Duration giveUpAfter, Duration backoffInitial, Duration backoffMax,
                           int concurrency, int maxUnsettledPerPartition) {
    }

    private final Map<String, Object> consumerProps;
    private final Map<String, Object> producerProps;
    private final String topic;
    private final String deadLetterTopic;
    private final RuleBook rules;
    private final Settings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final DeliveryCounts counts;
    private final ServiceMetrics metrics;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();

    // Touched by the delivery thread only.
    private final Map<TopicPartition, PartitionProgress> partitions = new HashMap<>();
    private final Map<String, ArrayDeque<Delivery>> lanes = new LinkedHashMap<>();
    private final Map<String, Instant> failingSince = new HashMap<>();
    private int inFlight;
    private Instant nextCommit = Instant.EPOCH;

    private volatile boolean closing;
    private volatile boolean assigned;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param consumerProps the consumer's settings (cluster, security); group, isolation and offsets are set here
     * @param producerProps the dead-letter producer's settings (cluster, security)
     */
    public WebhookDelivery(Map<String, Object> consumerProps, Map<String, Object> producerProps, Topics topics,
                           RuleBook rules, Settings settings, Clock clock, DeliveryCounts counts,
                           ServiceMetrics metrics) {
        this.consumerProps = new HashMap<>(consumerProps);
        this.consumerProps.put("enable.auto.commit", "false");
        this.consumerProps.put("isolation.level", "read_committed");
        // A new group starts at the beginning: an alert raised before delivery first ran is still delivered.
        this.consumerProps.put("auto.offset.reset", "earliest");
        this.producerProps = new HashMap<>(producerProps);
        this.producerProps.put("acks", "all");
        this.producerProps.put("enable.idempotence", "true");
        this.topic = topics.alerts().name();
        this.deadLetterTopic = topics.dlq().name();
        this.rules = rules;
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax(), Math::random);
        this.clock = clock;
        this.counts = counts;
        this.metrics = metrics;
        this.httpExecutor = Executors.newFixedThreadPool(2, runnable -> {
            Thread t = new Thread(runnable, "alert-webhook-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(httpExecutor).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.requestTimeout()).build();
    }

    @Override
    public String name() {
        return "webhook delivery";
    }

    public DeliveryCounts counts() {
        return counts;
    }

    @Override
    public void start(Consumer<Throwable> onFailure) {
        thread = new Thread(() -> {
            try {
                run();
            } catch (Throwable e) {
                if (!closing) {
                    onFailure.accept(e);
                }
            }
        }, "alert-delivery");
        thread.start();
    }

    @Override
    public String notReady() {
        return assigned ? null : "waiting for the first assignment of " + topic;
    }

    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        httpExecutor.shutdownNow();
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(topic), new Rebalance(kafka));
            while (!closing) {
                try {
                    Duration wait = inFlight > 0 || !lanes.isEmpty() ? Duration.ofMillis(20) : Duration.ofMillis(200);
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(wait)) {
                        read(record);
                    }
                    settleCompleted();
                    dispatch(deadLetters);
                    commit(kafka, false);
                    pauseOrResume(kafka);
                    rules.refresh();
                } catch (WakeupException e) {
                    // close() asked; the loop condition ends it
                }
            }
            settleCompleted();
            commit(kafka, true);
        } finally {
            consumer = null;
        }
    }

    /** A record of news.alerts becomes one delivery per webhook its alert names. */
    private void read(ConsumerRecord<byte[], byte[]> record) {
        PartitionProgress partition = partitions.get(new TopicPartition(record.topic(), record.partition()));
        if (partition == null) {
            return;
        }
        if (record.value() == null) {
            partition.read(record.offset(), 0);
            return;
        }
        Alert alert;
        try {
            alert = Topics.ALERT_SERDE.fromBytes(record.value());
        } catch (RuntimeException e) {
            Delivery unreadable = new Delivery(partition, record.offset(), record.timestamp(), record.key(),
                    record.value(), null, "(none)");
            partition.read(record.offset(), 1);
            unreadable.lastAnswer = e.getMessage();
            lane(unreadable).add(unreadable);
            return;
        }
        partition.read(record.offset(), alert.webhooks().size());
        for (String webhook : alert.webhooks()) {
            Delivery delivery = new Delivery(partition, record.offset(), record.timestamp(), record.key(),
                    record.value(), alert, webhook);
            lane(delivery).add(delivery);
        }
    }

    private ArrayDeque<Delivery> lane(Delivery delivery) {
        return lanes.computeIfAbsent(delivery.lane(), k -> new ArrayDeque<>());
    }

    /** Starts the head of every lane that is due, within the concurrency limit. */
    private void dispatch(KafkaProducer<byte[], byte[]> deadLetters) {
        Instant now = clock.instant();
        for (ArrayDeque<Delivery> lane : new ArrayList<>(lanes.values())) {
            if (inFlight >= settings.concurrency()) {
                return;
            }
            Delivery head = lane.peek();
            if (head == null || head.inFlight || head.deadLettering || head.nextAttempt.isAfter(now)) {
                continue;
            }
            Webhook webhook = head.alert == null ? null : rules.current().webhooks().get(head.webhook);
            if (head.alert == null) {
                head.giveUpReason = "undecodable";
                head.giveUpMessage = "not an alert: " + head.lastAnswer;
            } else if (webhook == null) {
                head.giveUpReason = "webhook-unknown";
                head.giveUpMessage = "the rules file in force (version " + rules.current().version()
                        + ") names no webhook '" + head.webhook + "'";
            }
            if (head.giveUpReason != null) {
                deadLetter(deadLetters, head);
            } else {
                send(head, webhook, now);
            }
        }
    }

    private void send(Delivery delivery, Webhook webhook, Instant now) {
        byte[] body = webhook.format() == Webhook.Format.SLACK ? SlackMessage.of(delivery.alert) : delivery.value;
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSignature.headers(delivery.alert.alertId(), now.getEpochSecond(), body, webhook.signingKey())
                .forEach(request::header);
        delivery.inFlight = true;
        delivery.attempts++;
        if (delivery.firstAttempt == null) {
            delivery.firstAttempt = now;
        }
        inFlight++;
        counts.sent();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> completions.add(() -> answered(delivery, response, error)));
    }

    private void settleCompleted() {
        for (Runnable completion = completions.poll(); completion != null; completion = completions.poll()) {
            completion.run();
        }
    }

    /** The receiver answered (or failed to): settle, or schedule the next attempt. */
    private void answered(Delivery delivery, HttpResponse<Void> response, Throwable error) {
        inFlight--;
        delivery.inFlight = false;
        if (delivery.partition.revoked()) {
            return;
        }
        Instant now = clock.instant();
        int status = response == null ? -1 : response.statusCode();
        if (status >= 200 && status < 300) {
            failingSince.remove(delivery.webhook);
            counts.delivered(delivery.webhook, Duration.ofMillis(now.toEpochMilli() - delivery.timestamp));
            settle(delivery);
            return;
        }
        boolean retryable = error != null || status >= 500 || RETRYABLE.contains(status);
        delivery.lastAnswer = error != null ? describe(error) : "HTTP " + status;
        delivery.nextAttempt = now;
        if (!retryable) {
            counts.rejected(delivery.webhook);
            delivery.giveUpReason = "webhook-rejected";
            delivery.giveUpMessage = "the receiver answered " + delivery.lastAnswer + ", which retrying cannot change";
            return;
        }
        counts.failed(delivery.webhook);
        failingSince.putIfAbsent(delivery.webhook, now);
        if (pastDeadline(delivery, now)) {
            delivery.giveUpReason = "webhook-undeliverable";
            delivery.giveUpMessage = "no success within " + settings.giveUpAfter() + " after " + delivery.attempts
                    + (delivery.attempts == 1 ? " attempt" : " attempts") + "; last: " + delivery.lastAnswer;
            return;
        }
        Duration retryAfter = response == null ? null : response.headers().firstValue("Retry-After")
                .flatMap(WebhookDelivery::seconds).orElse(null);
        delivery.nextAttempt = now.plus(backoff.after(delivery.attempts, retryAfter));
    }

    /** Whether the delivery's time is up: measured from its first attempt, or from when its webhook began failing. */
    private boolean pastDeadline(Delivery delivery, Instant now) {
        Instant since = failingSince.getOrDefault(delivery.webhook, delivery.firstAttempt);
        Instant start = since.isBefore(delivery.firstAttempt) ? since : delivery.firstAttempt;
        return !now.isBefore(start.plus(settings.giveUpAfter()));
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time (" + cause.getMessage() + ")";
        }
        if (cause instanceof IOException) {
            return "connection failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage());
        }
        return cause.toString();
    }

    /** Writes the delivery's alert to the dead-letter topic; the lane moves on once the broker has it. */
    private void deadLetter(KafkaProducer<byte[], byte[]> producer, Delivery delivery) {
        delivery.deadLettering = true;
        String reasonCode = delivery.giveUpReason;
        String message = delivery.giveUpMessage;
        Headers headers = DeadLetterHeaders.of("alert", reasonCode, message, topic,
                delivery.partition.partition().partition(), delivery.offset);
        headers.add("storyline.webhook", delivery.webhook.getBytes(StandardCharsets.UTF_8));
        headers.add("storyline.webhook.attempts", Integer.toString(delivery.attempts).getBytes(StandardCharsets.UTF_8));
        if (delivery.lastAnswer != null) {
            headers.add("storyline.webhook.status", delivery.lastAnswer.getBytes(StandardCharsets.UTF_8));
        }
        LOG.warn("alert {} to webhook {} dead-lettered ({}): {}", delivery.alert == null ? "at offset " + delivery.offset
                : delivery.alert.alertId(), delivery.webhook, reasonCode, message);
        producer.send(new ProducerRecord<>(deadLetterTopic, null, delivery.timestamp, delivery.key, delivery.value,
                headers), (metadata, error) -> completions.add(() -> {
                    delivery.deadLettering = false;
                    if (delivery.partition.revoked()) {
                        return;
                    }
                    if (error != null) {
                        LOG.warn("cannot write a dead letter yet, trying again: {}", error.getMessage());
                        delivery.nextAttempt = clock.instant().plus(settings.backoffInitial());
                        return;
                    }
                    counts.deadLettered(delivery.webhook, reasonCode);
                    metrics.rejected(reasonCode);
                    settle(delivery);
                }));
    }

    private void settle(Delivery delivery) {
        ArrayDeque<Delivery> lane = lanes.get(delivery.lane());
        if (lane != null && lane.peek() == delivery) {
            lane.poll();
            if (lane.isEmpty()) {
                lanes.remove(delivery.lane());
            }
        }
        delivery.partition.settled(delivery.offset);
    }

    private void commit(KafkaConsumer<byte[], byte[]> kafka, boolean now) {
        if (!now && clock.instant().isBefore(nextCommit)) {
            return;
        }
        nextCommit = clock.instant().plus(COMMIT_INTERVAL);
        commit(kafka, partitions.values());
    }

    private void commit(KafkaConsumer<byte[], byte[]> kafka, Collection<PartitionProgress> which) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionProgress partition : which) {
            OptionalLong offset = partition.toCommit();
            if (offset.isPresent() && !partition.revoked()) {
                offsets.put(partition.partition(), new OffsetAndMetadata(offset.getAsLong()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        kafka.commitSync(offsets);
        offsets.forEach((tp, offset) -> partitions.get(tp).committed(offset.offset()));
    }

    /** A partition with too many unsettled alerts stops being read until half of them have settled. */
    private void pauseOrResume(KafkaConsumer<byte[], byte[]> kafka) {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (PartitionProgress partition : partitions.values()) {
            boolean paused = kafka.paused().contains(partition.partition());
            if (!paused && partition.unsettled() >= settings.maxUnsettledPerPartition()) {
                pause.add(partition.partition());
            } else if (paused && partition.unsettled() <= settings.maxUnsettledPerPartition() / 2) {
                resume.add(partition.partition());
            }
        }
        if (!pause.isEmpty()) {
            kafka.pause(pause);
        }
        if (!resume.isEmpty()) {
            kafka.resume(resume);
        }
    }

    /** Partitions come and go: commit what is settled of those that go, and drop what they still hold. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> kafka;

        Rebalance(KafkaConsumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            List<PartitionProgress> going = revoked.stream().map(partitions::get).filter(p -> p != null).toList();
            settleCompleted();
            commit(kafka, going);
            drop(going);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            drop(lost.stream().map(partitions::get).filter(p -> p != null).toList());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assignedNow) {
            assignedNow.forEach(tp -> partitions.put(tp, new PartitionProgress(tp)));
            assigned = true;
            LOG.info("delivering alerts of {}", assignedNow);
        }

        private void drop(List<PartitionProgress> going) {
            for (PartitionProgress partition : going) {
                partition.revoke();
                partitions.remove(partition.partition());
            }
            lanes.values().forEach(lane -> lane.removeIf(delivery -> delivery.partition.revoked()));
            lanes.values().removeIf(ArrayDeque::isEmpty);
        }
    }
}
