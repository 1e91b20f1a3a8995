package io.storyline.launcher.bench;

import io.storyline.common.files.Folders;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.Services;
import io.storyline.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code storyline bench}: the whole pipeline on the embedded broker, each service in a JVM of its own, beside
 * two baselines measured in the same run on the same broker: a pass-through Kafka Streams topology (the most the
 * broker and Streams allow for records of this size) and each stage alone (the slowest of which bounds the
 * pipeline). Then the latency from publish to incident update at half the measured maximum, and each service's
 * heap and RSS. Figures only: nothing here passes or fails on time.
 */
public final class PipelineBenchmark {

    /**
     * @param articles       articles through the whole pipeline at full speed; the stage baselines get five
     *                       times as many to draw from, the pass-through sixty times as many records
     * @param latencySeconds how long articles are fed at half the maximum rate for the latency figures
     */
    public record Options(int articles, int latencySeconds, long seed, boolean json, boolean pinCpus) {
    }

    static final int PARTITIONS = 3;
    private static final Duration FIRST_OUTPUT_DEADLINE = Duration.ofMinutes(3);
    private static final Duration READY_DEADLINE = Duration.ofMinutes(3);
    private static final Duration STAGE_WINDOW = Duration.ofSeconds(20);
    /** Articles a second of record time in the stage baselines' backlog: a busy wire, faster than any stage. */
    private static final double BACKLOG_RATE = 200;
    private static final Map<String, Integer> HEAP_TARGET_MIB = Map.of("ingest", 256, "enrich", 512,
            "aggregate", 256, PassThroughService.NAME, 256);

    private final Options options;
    private final PrintStream progress;
    private final Path dir;
    private final String classpath = System.getProperty("java.class.path");
    private CpuPlan cpus = CpuPlan.shared();

    private PipelineBenchmark(Options options, PrintStream progress, Path dir) {
        this.options = options;
        this.progress = progress;
        this.dir = dir;
    }

    /** Runs the benchmark; prints the report on {@code out} and what it is doing on {@code progress}. */
    public static int run(Options options, PrintStream out, PrintStream progress) {
        Path dir;
        try {
            dir = Files.createTempDirectory("storyline-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            BenchReport report = new PipelineBenchmark(options, progress, dir).measure();
            out.print(options.json() ? report.json() + "\n" : report.table());
            return 0;
        } finally {
            Folders.deleteQuietly(dir);
        }
    }

    private BenchReport measure() {
        String loadBefore = loadAverage();
        Newsroom newsroom = new Newsroom(options.seed());
        // Five outlets an event: five times as many articles as go through the whole pipeline.
        int corpusEvents = options.articles();
        List<Newsroom.Story> corpus = newsroom.write(0, corpusEvents, 5, 0.1);
        List<Newsroom.Story> pipelineArticles = corpus.subList(0, Math.min(options.articles(), corpus.size()));
        Map<String, BenchReport.Throughput> throughput = new LinkedHashMap<>();
        cpus = CpuPlan.choose(options.pinCpus());
        say("CPUs: " + cpus.describe());
        say("starting the embedded broker");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of())) {
            String bootstrap = kafka.bootstrapServers();
            throughput.put("passthrough", passThrough(bootstrap, corpus));
            throughput.putAll(stagesAlone(bootstrap, corpus));
            String slowest = Stream.of("ingest_alone", "enrich_alone", "aggregate_alone")
                    .min(Comparator.comparingDouble(k -> throughput.get(k).perSecond())).orElseThrow();

            try (ChildPipeline pipeline = pipeline("pipeline", bootstrap)) {
                createTopics(pipeline);
                List<ServiceInstance> services;
                BenchReport.Latency latency;
                try (Arrivals arrivals = new Arrivals(pipeline.clientSettings(), pipeline.topics(),
                        List.of(pipeline.topics().articles().name(), pipeline.topics().enriched().name(),
                                pipeline.topics().incidentEvents().name()));
                     PacedPublisher publisher = new PacedPublisher(pipeline.clientSettings(),
                             pipeline.topics().raw().name())) {
                    say("starting ingest, enrich and aggregate, one JVM each");
                    services = pipeline.startAll(READY_DEADLINE);
                    // Twice what the slowest stage does alone: more than the pipeline can take, so it runs at its
                    // limit, and the articles' record times are spread as a live feed's are. Published all at once,
                    // they would share one instant, and the aggregate's ordering stage (which releases an article
                    // once every partition has passed its record time) would let them all go in one burst at the end.
                    double feedRate = 2 * throughput.get(slowest).perSecond();
                    say(String.format("end to end: %d articles fed at %.1f/s", pipelineArticles.size(), feedRate));
                    double[] cpuBefore = services.stream().mapToDouble(ServiceInstance::cpuSeconds).toArray();
                    publisher.publish(pipelineArticles, feedRate);
                    arrivals.await(Arrivals.PLACEMENTS, pipelineArticles.size(), Duration.ofDays(1),
                            FIRST_OUTPUT_DEADLINE.plusSeconds(pipelineArticles.size()));
                    double[] cpu = new double[services.size()];
                    for (int i = 0; i < cpu.length; i++) {
                        cpu[i] = services.get(i).cpuSeconds() - cpuBefore[i];
                    }
                    int n = pipelineArticles.size();
                    throughput.put("end_to_end", throughput("end to end (all three running)", arrivals,
                            Arrivals.PLACEMENTS, n / Arrays.stream(cpu).sum()));
                    throughput.put("ingest_in_pipeline", throughput("ingest, within the pipeline", arrivals,
                            pipeline.topics().articles().name(), n / cpu[0]));
                    throughput.put("enrich_in_pipeline", throughput("enrich, within the pipeline", arrivals,
                            pipeline.topics().enriched().name(), n / cpu[1]));
                    throughput.put("aggregate_in_pipeline", throughput("aggregate, within the pipeline", arrivals,
                            Arrivals.PLACEMENTS, n / cpu[2]));
                    // The most the pipeline sustains: a noisy end-to-end figure above the slowest stage's own
                    // speed would feed the latency run faster than enrich can go.
                    double maximum = Math.min(throughput.get("end_to_end").perSecond(),
                            throughput.get(slowest).perSecond());
                    latency = latency(newsroom, corpusEvents, maximum, publisher, arrivals, pipelineArticles.size());
                }
                say("measuring heap after GC and RSS of each service");
                Map<String, BenchReport.Memory> memory = new LinkedHashMap<>();
                for (ServiceInstance service : services) {
                    memory.put(service.service(), memory(service));
                }
                return report(pipelineArticles, throughput, slowest, latency, memory, loadBefore);
            }
        }
    }

    private BenchReport.Throughput passThrough(String bootstrap, List<Newsroom.Story> corpus) {
        int records = options.articles() * 60;
        say("pass-through baseline: " + records + " records of the articles' size");
        try (ChildPipeline pipeline = pipeline("passthrough", bootstrap)) {
            createTopics(pipeline);
            List<Newsroom.Story> input = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                input.add(corpus.get(i % corpus.size()));
            }
            prefill(pipeline, input);
            try (Arrivals arrivals = new Arrivals(pipeline.clientSettings(), pipeline.topics(),
                    List.of(pipeline.topics().articles().name()))) {
                ServiceInstance instance = pipeline.start(PassThroughService.NAME, 1,
                        PassThroughService.class.getName(), List.of());
                return measureAlone(instance, arrivals, pipeline.topics().articles().name(), records,
                        "pass-through Kafka Streams topology (EOS v2)");
            }
        }
    }

    /**
     * Ingest, then enrich, then aggregate, each alone on the output its predecessor left: the backlog it works
     * through is already there, so what it reaches is its own speed.
     */
    private Map<String, BenchReport.Throughput> stagesAlone(String bootstrap, List<Newsroom.Story> corpus) {
        Map<String, BenchReport.Throughput> out = new LinkedHashMap<>();
        try (ChildPipeline pipeline = pipeline("alone", bootstrap)) {
            createTopics(pipeline);
            prefill(pipeline, corpus);
            Topics topics = pipeline.topics();
            try (Arrivals arrivals = new Arrivals(pipeline.clientSettings(), topics,
                    List.of(topics.articles().name(), topics.enriched().name(), topics.incidentEvents().name()))) {
                say("ingest alone on " + corpus.size() + " raw articles");
                out.put("ingest_alone", alone(pipeline, "ingest", arrivals, topics.articles().name(),
                        corpus.size(), "ingest alone"));
                int articles = arrivals.count(topics.articles().name());
                say("enrich alone on " + articles + " articles");
                out.put("enrich_alone", alone(pipeline, "enrich", arrivals, topics.enriched().name(), articles,
                        "enrich alone"));
                int enriched = arrivals.count(topics.enriched().name());
                say("aggregate alone on " + enriched + " enriched articles");
                out.put("aggregate_alone", alone(pipeline, "aggregate", arrivals, Arrivals.PLACEMENTS, enriched,
                        "aggregate alone"));
            }
        }
        return out;
    }

    private BenchReport.Throughput alone(ChildPipeline pipeline, String service, Arrivals arrivals, String output,
                                         int available, String what) {
        return measureAlone(pipeline.start(service, 1), arrivals, output, available, what);
    }

    /**
     * Measures an instance working through a backlog of {@code available} records: from its first output on (the
     * start-up is not its speed), for at most {@link #STAGE_WINDOW}; then stops it.
     */
    private BenchReport.Throughput measureAlone(ServiceInstance instance, Arrivals arrivals, String output,
                                                int available, String what) {
        arrivals.await(output, 1, Duration.ofDays(1), FIRST_OUTPUT_DEADLINE);
        int firstBatch = arrivals.count(output);
        double cpuFrom = instance.cpuSeconds();
        arrivals.await(output, available, STAGE_WINDOW, FIRST_OUTPUT_DEADLINE);
        double cpu = instance.cpuSeconds() - cpuFrom;
        int measured = arrivals.count(output) - firstBatch;
        instance.stop();
        // What the stopped instance committed while closing is input for the next stage.
        arrivals.poll(Duration.ofSeconds(1));
        return throughput(what, arrivals, output, measured / cpu);
    }

    private BenchReport.Latency latency(Newsroom newsroom, int firstEvent, double maxRate, PacedPublisher publisher,
                                        Arrivals arrivals, int placedBefore) {
        double rate = maxRate / 2;
        int count = Math.max(10, (int) Math.round(rate * options.latencySeconds()));
        List<Newsroom.Story> stories = newsroom.write(firstEvent, (count + 4) / 5, 5, 0.1).subList(0, count);
        say(String.format("latency at half the maximum: %d articles at %.1f/s", count, rate));
        publisher.publish(stories, rate);
        arrivals.await(Arrivals.PLACEMENTS, placedBefore + count, Duration.ofDays(1),
                FIRST_OUTPUT_DEADLINE.plusSeconds(options.latencySeconds() * 2L));
        double[] millis = stories.stream()
                .mapToDouble(s -> (arrivals.placedAt(s.id()) - publisher.sentAt(s.id())) / 1e6).sorted().toArray();
        return new BenchReport.Latency(round(rate), count, round(count / rate), percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99), round(millis[millis.length - 1]));
    }

    private BenchReport.Memory memory(ServiceInstance service) {
        ChildJvm.Memory m = service.memory();
        return new BenchReport.Memory(maxHeap(service.service()), mib(m.heapAfterGc()), mib(m.rss()),
                mib(m.peakRss()), HEAP_TARGET_MIB.get(service.service()));
    }

    private BenchReport report(List<Newsroom.Story> articles, Map<String, BenchReport.Throughput> throughput,
                               String slowest, BenchReport.Latency latency, Map<String, BenchReport.Memory> memory,
                               String loadBefore) {
        double endToEnd = throughput.get("end_to_end").perSecond();
        double slowestRate = throughput.get(slowest).perSecond();
        double passThrough = throughput.get("passthrough").perSecond();
        String slowestService = slowest.substring(0, slowest.indexOf('_'));
        BenchReport.Ratios ratios = new BenchReport.Ratios(round3(endToEnd / slowestRate),
                round3(endToEnd / passThrough), round3(slowestRate / passThrough),
                round3(throughput.get(slowestService + "_in_pipeline").perCpuSecond()
                        / throughput.get(slowest).perCpuSecond()));
        boolean heapOk = memory.values().stream().allMatch(m -> m.heapAfterGcMib() >= 0
                && m.heapAfterGcMib() <= m.targetMib());
        BenchReport.Setup setup = new BenchReport.Setup(articles.size(),
                (int) articles.stream().mapToInt(Newsroom.Story::words).average().orElse(0),
                (int) articles.stream().mapToInt(s -> s.bytes().length).average().orElse(0), PARTITIONS,
                cpus.cores(), cpus.describe(), loadBefore, loadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return new BenchReport(setup, throughput, slowest, ratios, latency, memory,
                new BenchReport.Targets(ratios.endToEndToSlowestStage() >= 0.9, latency.p99Ms() <= 2000, heapOk));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private ChildPipeline pipeline(String name, String bootstrap) {
        return new ChildPipeline(name, bootstrap, dir, classpath, PipelineBenchmark::jvmOptions,
                Map.of(TopicsSetup.PARTITIONS, Integer.toString(PARTITIONS))).cpus(cpus::cpusOf);
    }

    /** The heap targets as limits, and the collector {@code ./storyline} gives long-running services. */
    static List<String> jvmOptions(String service) {
        return List.of("-Xmx" + maxHeap(service), "-XX:+UseParallelGC",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }

    private static String maxHeap(String service) {
        return HEAP_TARGET_MIB.get(service) + "m";
    }

    /** Every topic of every service, as the services themselves would create them, before anything runs. */
    private static void createTopics(ChildPipeline pipeline) {
        List<Topic<?, ?>> all = new ArrayList<>();
        Arrays.stream(Services.Kind.values()).filter(Services.Kind::pipeline)
                .forEach(kind -> all.addAll(kind.create().topics(pipeline.topics())));
        try (Admin admin = Admin.create(pipeline.clientSettings())) {
            TopicsSetup.ensure(admin, all, StorylineConfig.of(Map.of(TopicsSetup.PARTITIONS,
                    Integer.toString(PARTITIONS))));
            awaitLeaders(admin, all.stream().map(Topic::name).distinct().toList());
        }
    }

    /**
     * A topic just created takes a moment before the broker describes it and its partitions' leaders serve it;
     * producing earlier only meets retries (and, for an idempotent producer at full speed, sequence errors). Waits
     * until the topics are described and every partition answers a request for its end offset.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                        description.partitions().forEach(p ->
                                partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("the embedded broker does not serve " + topics + ": "
                            + e.getCause().getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void prefill(ChildPipeline pipeline, List<Newsroom.Story> stories) {
        try (PacedPublisher publisher = new PacedPublisher(pipeline.clientSettings(),
                pipeline.topics().raw().name())) {
            publisher.publishBacklog(stories, BACKLOG_RATE);
            publisher.awaitAcknowledged();
        }
    }

    private static BenchReport.Throughput throughput(String what, Arrivals arrivals, String stream,
                                                     double perCpuSecond) {
        Arrivals.Rate rate = arrivals.rate(stream);
        return new BenchReport.Throughput(what, rate.records(), round(rate.seconds()), round(rate.perSecond()),
                Double.isFinite(perCpuSecond) && perCpuSecond > 0 ? round(perCpuSecond) : -1);
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : round(bytes / (1024.0 * 1024.0));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void say(String message) {
        if (progress != null) {
            progress.println("bench: " + message);
        }
    }
}
