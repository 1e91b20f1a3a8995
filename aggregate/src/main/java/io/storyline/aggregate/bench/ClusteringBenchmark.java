package io.storyline.aggregate.bench;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.aggregate.clustering.ClusteringEngine;
import io.storyline.aggregate.clustering.ClusteringParameters;
import io.storyline.aggregate.clustering.ClusteringState;
import io.storyline.aggregate.clustering.JoinModel;
import io.storyline.aggregate.clustering.JoinPolicy;
import io.storyline.aggregate.state.SerializedTable;
import io.storyline.common.article.EnrichedArticle;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clustering cost per article against a growing number of active incidents. For each size the engine is filled
 * with about that many active incidents (one article of each of as many invented events, spread over three weeks;
 * events that the engine takes for one make a few fewer),
 * then timed on further articles: follow-ups of those events and new events, half and half, in rounds that
 * alternate between the sizes. State is held as bytes through the stores' serdes, so every candidate read pays the
 * decoding the service pays, and its size is what the stores would hold.
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
        Workload.filled(sizes[0], measured).time(measured);
        List<Workload> workloads = new ArrayList<>();
        for (int size : sizes) {
            workloads.add(Workload.filled(size, measured));
        }
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
        if (workloads.size() > 1) {
            Workload first = workloads.get(0);
            Workload last = workloads.get(workloads.size() - 1);
            out.printf("cost at %d / cost at %d active incidents: %.2f (mean), %.2f (median)%n",
                    last.engine.activeIncidents(), first.engine.activeIncidents(), last.mean() / first.mean(),
                    last.percentile(0.5) / first.percentile(0.5));
        }
        return 0;
    }

    /** An engine filled to one size, the articles still to time on it, and the times taken so far. */
    private static final class Workload {
        private final ClusteringEngine engine;
        private final ClusteringState state;
        private final List<EnrichedArticle> pending;
        private final List<Long> nanos = new ArrayList<>();
        private final long[] candidates;
        private final double fillSeconds;
        private long timestamp;

        private Workload(ClusteringEngine engine, ClusteringState state, long[] candidates,
                         List<EnrichedArticle> pending, double fillSeconds, long timestamp) {
            this.engine = engine;
            this.candidates = candidates;
            this.state = state;
            this.pending = pending;
            this.fillSeconds = fillSeconds;
            this.timestamp = timestamp;
        }

        static Workload filled(int size, int measured) {
            ClusteringState state = ClusteringState.serialized();
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
            for (int i = 0; i < size; i++) {
                List<EnrichedArticle> coverage = news.event(i * SPREAD_DAYS / size);
                engine.accept(ArticleFeatures.of(coverage.get(0), timestamp++));
                if (coverage.size() > 1 && followUps.size() < measured) {
                    followUps.add(coverage.get(1 + random.nextInt(coverage.size() - 1)));
                }
            }
            double fillSeconds = (System.nanoTime() - start) / 1e9;
            List<EnrichedArticle> pending = new ArrayList<>();
            while (pending.size() < measured) {
                if (pending.size() % 2 == 0 && !followUps.isEmpty()) {
                    pending.add(followUps.remove(followUps.size() - 1));
                } else {
                    pending.add(news.event(SPREAD_DAYS).get(0));
                }
            }
            candidates[0] = 0;
            return new Workload(engine, state, candidates, pending, fillSeconds, timestamp);
        }

        void time(int articles) {
            for (int i = 0; i < articles && !pending.isEmpty(); i++) {
                ArticleFeatures article = ArticleFeatures.of(pending.remove(0), timestamp++);
                long start = System.nanoTime();
                engine.accept(article);
                nanos.add(System.nanoTime() - start);
            }
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

        /** The serialised size of everything the engine keeps: what its stores would hold. */
        long stateBytes() {
            return bytes(state.incidents()) + bytes(state.articles()) + bytes(state.postings())
                    + bytes(state.reprints()) + bytes(state.statistics()) + bytes(state.schedule());
        }

        private static long bytes(Object table) {
            return ((SerializedTable<?>) table).bytes();
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
