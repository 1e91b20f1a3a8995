package io.storyline.ingest.bench;

import io.storyline.common.progress.ProgressMark;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import io.storyline.ingest.IngestService;
import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.Ingestor;
import io.storyline.ingest.ItemOutcome;
import io.storyline.ingest.RawRecord;
import io.storyline.ingest.format.ContentType;
import io.storyline.ingest.normalise.LanguageDetection;
import io.storyline.ingest.publish.OutgoingRecord;
import io.storyline.ingest.publish.Publisher;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingest's throughput on its own: articles per second of the parse-and-normalise path on one thread, and, given a
 * broker, through the real topology (publish a batch, count it out of {@code news.articles}). Also the heap the
 * language models take, measured after garbage collection.
 *
 * <p>Usage: {@code IngestBenchmark [--articles N] [--rounds R] [--bootstrap-server HOST:PORT]}
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        int articles = 20_000;
        int rounds = 3;
        String bootstrap = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--articles" -> articles = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--bootstrap-server" -> bootstrap = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (articles < 1 || rounds < 1) {
                throw new IllegalArgumentException("--articles and --rounds must be positive");
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            out.println("bench ingest: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value"
                    : e.getMessage()) + "; usage: [--articles N] [--rounds R] [--bootstrap-server HOST:PORT]");
            return 2;
        }
        IngestSettings settings = IngestSettings.defaults();
        long before = liveHeap();
        LanguageDetection.forLanguages(settings.languages());
        long models = liveHeap() - before;
        out.printf("ingest: language models (%d languages, low-accuracy mode) take %,d MB of heap%n",
                settings.languages().size(), models / (1 << 20));

        List<OutgoingRecord> records = new SyntheticFeeds(42).records(articles);
        offline(records, settings, rounds, out);
        if (bootstrap != null) {
            return throughTopology(records, bootstrap, out);
        }
        return 0;
    }

    private static void offline(List<OutgoingRecord> records, IngestSettings settings, int rounds, PrintStream out) {
        Ingestor ingestor = new Ingestor(settings, Clock.systemUTC());
        long bytes = records.stream().mapToLong(r -> r.value().length).sum();
        runOnce(ingestor, records);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            int made = runOnce(ingestor, records);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            // CPU time says what one core does even when the machine is shared; wall time what this run got.
            out.printf("ingest: parse+normalise, 1 thread, round %d: %,d articles in %.2f s = %,.0f articles/s "
                    + "(%.1f MB/s of raw input); %,.0f articles per CPU-second%n", round, made, seconds,
                    made / seconds, bytes / seconds / 1e6, made / cpuSeconds);
        }
        out.printf("ingest: live heap after the runs: %,d MB%n", liveHeap() / (1 << 20));
    }

    private static int runOnce(Ingestor ingestor, List<OutgoingRecord> records) {
        int made = 0;
        for (OutgoingRecord record : records) {
            for (ItemOutcome outcome : ingestor.ingest(new RawRecord(null, record.value(), record.contentType(),
                    System.currentTimeMillis()))) {
                if (outcome instanceof ItemOutcome.Accepted) {
                    made++;
                }
            }
        }
        return made;
    }

    private static int throughTopology(List<OutgoingRecord> records, String bootstrap, PrintStream out) {
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        for (var topic : Topics.defaults().all()) {
            config.put(StorylineConfig.PREFIX + "topic." + topic.key(), prefix + topic.name());
        }
        config.put(StorylineConfig.PREFIX + "ingest.application.id", prefix + "ingest");
        Topics topics = Topics.defaults().renamed(key -> config.get(StorylineConfig.PREFIX + "topic." + key));
        int expected = countArticles(records);
        try (ServiceRuntime runtime = ServiceRuntime.start(new IngestService(), StorylineConfig.of(config))) {
            long started = System.nanoTime();
            produce(records, topics.raw().name(), bootstrap);
            double produced = (System.nanoTime() - started) / 1e9;
            long read = awaitArticles(topics.articles().name(), bootstrap, expected);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("ingest: through the topology (exactly_once_v2, 1 instance, %s partitions): %,d articles in "
                    + "%.2f s = %,.0f articles/s (publishing took %.2f s)%n",
                    config.getOrDefault("storyline.topics.partitions", "3"), read, seconds, read / seconds, produced);
            return read == expected ? 0 : 1;
        }
    }

    private static int countArticles(List<OutgoingRecord> records) {
        return runOnce(new Ingestor(IngestSettings.defaults(), Clock.systemUTC()), records);
    }

    private static void produce(List<OutgoingRecord> records, String topic, String bootstrap) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Publisher.producerSettings(Map.of("bootstrap.servers", bootstrap)), new StringSerializer(),
                new ByteArraySerializer())) {
            for (OutgoingRecord record : records) {
                RecordHeaders headers = new RecordHeaders();
                if (record.contentType() != null) {
                    headers.add(ContentType.HEADER, record.contentType().getBytes(StandardCharsets.UTF_8));
                }
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
            }
            producer.flush();
        }
    }

    /** Counts committed articles until all arrived; gives up after five minutes without progress. */
    private static long awaitArticles(String topic, String bootstrap, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long lastProgress = System.nanoTime();
            while (read < expected && System.nanoTime() - lastProgress < Duration.ofMinutes(5).toNanos()) {
                int batch = 0;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    batch += ProgressMark.isMark(record.headers()) ? 0 : 1;
                }
                if (batch > 0) {
                    read += batch;
                    lastProgress = System.nanoTime();
                }
            }
            return read;
        }
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
