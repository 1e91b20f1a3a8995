package io.storyline.launcher.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes generated articles into {@code news.raw} at a steady rate, as newsroom feeds do, from a thread of its
 * own; remembers when each article was handed to Kafka. The producer is idempotent with {@code acks=all}, so
 * retries (a broker restarting, say) never double an article.
 */
public final class PacedPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "paced-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private int total;
    private int acknowledged;
    private long nextSlot;

    /** @param settings producer settings, at least {@code bootstrap.servers} */
    public PacedPublisher(Map<String, Object> settings, String topic) {
        Map<String, Object> props = new java.util.HashMap<>(settings);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "storyline-bench-publisher");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Publishes {@code stories} in order, {@code perSecond} a second (as fast as the producer takes them when 0),
     * after whatever earlier calls queued. Returns at once; {@link #awaitAcknowledged()} waits for the end.
     */
    public synchronized void publish(List<Newsroom.Story> stories, double perSecond) {
        long period = perSecond <= 0 ? 0 : Math.max(1, Math.round(1_000_000_000d / perSecond));
        long now = System.nanoTime();
        long slot = Math.max(nextSlot, now);
        for (Newsroom.Story story : stories) {
            clock.schedule(() -> send(story, null), slot - now, TimeUnit.NANOSECONDS);
            slot += period;
        }
        nextSlot = slot;
        total += stories.size();
    }

    /**
     * Publishes {@code stories} as fast as the producer takes them, with record times as if they had come
     * {@code perSecond} a second up to now: a backlog as a live feed leaves it. Sent with one timestamp, the
     * aggregate's ordering stage could release none of them before the input went quiet.
     */
    public synchronized void publishBacklog(List<Newsroom.Story> stories, double perSecond) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < stories.size(); i++) {
            Newsroom.Story story = stories.get(i);
            long recordTime = now - Math.round((stories.size() - i) * 1000 / perSecond);
            clock.execute(() -> send(story, recordTime));
        }
        total += stories.size();
    }

    private void send(Newsroom.Story story, Long recordTime) {
        sentAt.put(story.id(), System.nanoTime());
        sent.incrementAndGet();
        producer.send(new ProducerRecord<>(topic, null, recordTime, story.id(), story.bytes()), (metadata, error) -> {
            synchronized (this) {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    acknowledged++;
                }
                notifyAll();
            }
        });
    }

    /** Articles handed to the producer so far. */
    public int sent() {
        return sent.get();
    }

    /** True while articles queued by {@link #publish} have not all been handed to the producer. */
    public synchronized boolean publishing() {
        return sent.get() < total;
    }

    /** {@link System#nanoTime()} when the article was handed to the producer, or null if not yet. */
    public Long sentAt(String articleId) {
        return sentAt.get(articleId);
    }

    /** Waits until the cluster has acknowledged every queued article; throws what made a send fail. */
    public synchronized void awaitAcknowledged() {
        while (acknowledged < total && failure.get() == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed: " + failure.get().getMessage(), failure.get());
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        producer.close();
    }
}
