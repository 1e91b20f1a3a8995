package io.storyline.aggregate.bench;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.aggregate.clustering.ClusteringEngine;
import io.storyline.aggregate.clustering.ClusteringParameters;
import io.storyline.aggregate.clustering.ClusteringState;
import io.storyline.aggregate.clustering.JoinModel;
import io.storyline.aggregate.clustering.JoinPolicy;
import io.storyline.aggregate.state.Table;
import io.storyline.common.article.EnrichedArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * Clustering cost per article against a growing number of active incidents. For each size the engine is filled
 * with about that many active incidents (one article of each of as many invented events, spread over three weeks;
 * events that the engine takes for one make a few fewer),
 * then timed on further articles: follow-ups of the last three days' events and new events, half and half (fewer
 * follow-ups at the smallest size, where three days hold fewer events), in rounds that
 * alternate between the sizes. State is held in RocksDB through the stores' serdes ({@link RocksTable}), as in the
 * service, so every candidate read pays the lookup and decoding the service pays, and its size is what the stores
 * would hold. (Kept in Java maps instead, a state of 100k incidents is gigabytes of heap, and full collections of
 * it dominated the times.)
 *
 * <pre>
 * usage: ClusteringBenchmark [--sizes 1000,10000,100000] [--articles 1000]
 * </pre>
 * The index keeps retrieval bounded (keys shared by too many incidents are not read), so the cost should stay
 * roughly flat; the last line gives the ratio of the largest size's cost to the smallest's.
 */
public final class ClusteringBenchmark {

    private static final int SPREAD_DAYS = 21;
    private static final int ROUNDS = 5;
    private static final int FOLLOW_UP_DAYS = 3;

    private ClusteringBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        int[] sizes = {1_000, 10_000, 100_000};
        int measured = 1_000;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(value(args, ++i).split(","))
                            .mapToInt(size -> Integer.parseInt(size.trim())).toArray();
                    case "--articles" -> measured = Integer.parseInt(value(args, ++i));
                    default -> throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
            }
            if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(size -> size < 1) || measured < 1) {
                throw new IllegalArgumentException("sizes and articles must be positive");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage().startsWith("For input") ? "not a number: " + e.getMessage() : e.getMessage());
            out.println("usage: ClusteringBenchmark [--sizes 1000,10000,100000] [--articles 1000]");
            return 2;
        }
        out.println("warming up...");
        try (Workload warmUp = Workload.filled(sizes[0], measured)) {
            warmUp.time(measured);
        }
        List<Workload> workloads = new ArrayList<>();
        try {
            for (int size : sizes) {
                workloads.add(Workload.filled(size, measured));
            }
            report(workloads, measured, out);
        } finally {
            workloads.forEach(Workload::close);
        }
        return 0;
    }

    private static void report(List<Workload> workloads, int measured, PrintStream out) {
        // Rounds alternate between the sizes, so a machine that gets busier or quieter meanwhile (a shared one)
        // weighs on every size alike instead of on whichever ran last.
        for (int round = 0; round < ROUNDS; round++) {
            for (Workload workload : workloads) {
                workload.time(Math.max(1, measured / ROUNDS));
            }
        }
        out.printf("%16s %12s %9s %9s %12s %8s %10s%n", "active incidents", "mean us/art", "p50 us", "p99 us",
                "scored/art", "fill s", "state MiB");
        for (Workload workload : workloads) {
            out.printf("%16d %12.1f %9.1f %9.1f %12.1f %8.1f %10.1f%n", workload.engine.activeIncidents(),
                    workload.mean(), workload.percentile(0.5), workload.percentile(0.99),
                    workload.candidatesPerArticle(), workload.fillSeconds, workload.stateBytes() / 1048576.0);
        }
        out.println("state store operations per article (all kinds), their time and the bytes they read, by table:");
        for (Workload workload : workloads) {
            out.printf("%16d%s%n", workload.engine.activeIncidents(), workload.storeCosts());
        }
        if (workloads.size() > 1) {
            Workload first = workloads.get(0);
            Workload last = workloads.get(workloads.size() - 1);
            out.printf("cost at %d / cost at %d active incidents: %.2f (mean), %.2f (median)%n",
                    last.engine.activeIncidents(), first.engine.activeIncidents(), last.mean() / first.mean(),
                    last.percentile(0.5) / first.percentile(0.5));
        }
    }

    /** An engine filled to one size, the articles still to time on it, and the times taken so far. */
    private static final class Workload implements AutoCloseable {
        private final ClusteringEngine engine;
        private final List<RocksTable<?>> tables;
        private final Map<String, long[]> storeCounts = new TreeMap<>();
        private final List<EnrichedArticle> pending;
        private final List<Long> nanos = new ArrayList<>();
        private final long[] candidates;
        private final double fillSeconds;
        private long timestamp;

        private Workload(ClusteringEngine engine, List<RocksTable<?>> tables, long[] candidates,
                         List<EnrichedArticle> pending, double fillSeconds, long timestamp) {
            this.engine = engine;
            this.tables = tables;
            this.candidates = candidates;
            this.pending = pending;
            this.fillSeconds = fillSeconds;
            this.timestamp = timestamp;
        }

        static Workload filled(int size, int measured) {
            List<RocksTable<?>> tables = new ArrayList<>();
            Path dir = temporaryDirectory();
            ClusteringState state = ClusteringState.of(new ClusteringState.TableMaker() {
                @Override
                public <V> Table<V> make(String name, Serde<V> serde) {
                    RocksTable<V> table = RocksTable.open(dir.resolve(name), serde);
                    tables.add(table);
                    return table;
                }
            });
            ClusteringParameters parameters = ClusteringParameters.defaults();
            JoinPolicy decide = JoinPolicy.thresholds(parameters.joinThreshold(), parameters.mergeThreshold());
            long[] candidates = new long[1];
            JoinPolicy counting = (article, scored) -> {
                candidates[0] += scored.size();
                return decide.decide(article, scored);
            };
            ClusteringEngine engine = new ClusteringEngine(parameters, JoinModel.defaults(), counting, state);
            // As many towns as events: every size sees the same density of events per place, so what changes
            // between sizes is how many incidents the index and the state hold, not what kind of news arrives.
            SyntheticNews news = new SyntheticNews(42, size);
            SplittableRandom random = new SplittableRandom(7);
            List<EnrichedArticle> followUps = new ArrayList<>();
            long timestamp = 1_700_000_000_000L;
            long start = System.nanoTime();
            int seen = 0;
            for (int i = 0; i < size; i++) {
                int day = i * SPREAD_DAYS / size;
                List<EnrichedArticle> coverage = news.event(day);
                engine.accept(ArticleFeatures.of(coverage.get(0), timestamp++));
                // Follow-ups come within days of their event, as news does: a uniform sample (reservoir) of the
                // other outlets' articles on the events of the last FOLLOW_UP_DAYS days.
                for (int a = 1; a < coverage.size() && day >= SPREAD_DAYS - FOLLOW_UP_DAYS; a++) {
                    seen++;
                    if (followUps.size() < measured) {
                        followUps.add(coverage.get(a));
                    } else if (random.nextInt(seen) < measured) {
                        followUps.set(random.nextInt(measured), coverage.get(a));
                    }
                }
            }
            double fillSeconds = (System.nanoTime() - start) / 1e9;
            tables.forEach(RocksTable::settle);
            List<EnrichedArticle> pending = new ArrayList<>();
            while (pending.size() < measured) {
                if (pending.size() % 2 == 0 && !followUps.isEmpty()) {
                    pending.add(followUps.remove(followUps.size() - 1));
                } else {
                    pending.add(news.event(SPREAD_DAYS).get(0));
                }
            }
            candidates[0] = 0;
            return new Workload(engine, tables, candidates, pending, fillSeconds, timestamp);
        }

        void time(int articles) {
            tables.forEach(RocksTable::takeCounts);
            for (int i = 0; i < articles && !pending.isEmpty(); i++) {
                ArticleFeatures article = ArticleFeatures.of(pending.remove(0), timestamp++);
                long start = System.nanoTime();
                engine.accept(article);
                nanos.add(System.nanoTime() - start);
            }
            for (RocksTable<?> table : tables) {
                long[] counts = table.takeCounts();
                storeCounts.merge(table.name(), counts, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1],
                        a[2] + b[2]});
            }
        }

        /** Per table: store operations per timed article, microseconds they took and kilobytes they read. */
        String storeCosts() {
            StringBuilder out = new StringBuilder();
            storeCounts.forEach((name, counts) -> out.append(String.format("  %s %.0f ops %.0f us %.1f KB", name,
                    counts[0] / (double) nanos.size(), counts[1] / 1e3 / nanos.size(),
                    counts[2] / 1024.0 / nanos.size())));
            return out.toString();
        }

        double candidatesPerArticle() {
            return nanos.isEmpty() ? 0 : candidates[0] / (double) nanos.size();
        }

        double mean() {
            return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e3;
        }

        double percentile(double p) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e3;
        }

        /** What the stores hold: live data and memtables of every table. */
        long stateBytes() {
            return tables.stream().mapToLong(RocksTable::bytes).sum();
        }

        @Override
        public void close() {
            tables.forEach(RocksTable::close);
        }

        private static Path temporaryDirectory() {
            try {
                Path dir = Files.createTempDirectory("storyline-clustering-bench-");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the benchmark's state", e);
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
