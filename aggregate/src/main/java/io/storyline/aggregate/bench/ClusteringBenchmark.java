package io.storyline.aggregate.bench;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.aggregate.clustering.ClusteringEngine;
import io.storyline.aggregate.clustering.ClusteringParameters;
import io.storyline.aggregate.clustering.ClusteringState;
import io.storyline.common.article.EnrichedArticle;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clustering cost per article against a growing number of active incidents. For each size the engine is filled
 * with about that many active incidents (one article of each of as many invented events, spread over three weeks;
 * events that the engine takes for one make a few fewer),
 * then timed on further articles: follow-ups of those events and new events, half and half. State is held as
 * bytes through the stores' serdes, so every candidate read pays the decoding the service pays.
 *
 * <pre>
 * usage: ClusteringBenchmark [--sizes 1000,10000,100000] [--articles 1000]
 * </pre>
 * The index keeps retrieval bounded (keys shared by too many incidents are not read), so the cost should stay
 * roughly flat; the last line gives the ratio of the largest size's cost to the smallest's.
 */
public final class ClusteringBenchmark {

    private static final int SPREAD_DAYS = 21;

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
        measure(sizes[0], measured);
        measure(sizes[0], measured);
        out.printf("%16s %14s %10s %10s %12s %10s%n", "active incidents", "mean us/art", "p50 us", "p99 us",
                "fill s", "heap MiB");
        double first = 0;
        double last = 0;
        for (int size : sizes) {
            Result result = measure(size, measured);
            out.printf("%16d %14.1f %10.1f %10.1f %12.1f %10d%n", result.active, result.mean, result.p50, result.p99,
                    result.fillSeconds, result.heapMiB);
            if (first == 0) {
                first = result.mean;
            }
            last = result.mean;
        }
        if (sizes.length > 1) {
            out.printf("cost at %d / cost at %d active incidents: %.2f%n", sizes[sizes.length - 1], sizes[0],
                    last / first);
        }
        return 0;
    }

    private record Result(long active, double mean, double p50, double p99, double fillSeconds, long heapMiB) {
    }

    private static Result measure(int size, int measured) {
        ClusteringParameters parameters = ClusteringParameters.defaults();
        ClusteringEngine engine = new ClusteringEngine(parameters, ClusteringState.serialized());
        // As many towns as events: every size sees the same density of events per place, so what changes between
        // sizes is how many incidents the index and the state hold, not what kind of news arrives.
        SyntheticNews news = new SyntheticNews(42, size);
        SplittableRandom random = new SplittableRandom(7);
        List<EnrichedArticle> followUps = new ArrayList<>();
        long timestamp = 1_700_000_000_000L;
        long fillStart = System.nanoTime();
        for (int i = 0; i < size; i++) {
            List<EnrichedArticle> coverage = news.event(i * SPREAD_DAYS / size);
            engine.accept(ArticleFeatures.of(coverage.get(0), timestamp++));
            if (coverage.size() > 1 && followUps.size() < measured) {
                followUps.add(coverage.get(1 + random.nextInt(coverage.size() - 1)));
            }
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        List<EnrichedArticle> timed = new ArrayList<>();
        while (timed.size() < measured) {
            if (timed.size() % 2 == 0 && !followUps.isEmpty()) {
                timed.add(followUps.remove(followUps.size() - 1));
            } else {
                timed.add(news.event(SPREAD_DAYS).get(0));
            }
        }
        long[] nanos = new long[timed.size()];
        for (int i = 0; i < timed.size(); i++) {
            ArticleFeatures article = ArticleFeatures.of(timed.get(i), timestamp++);
            long start = System.nanoTime();
            engine.accept(article);
            nanos[i] = System.nanoTime() - start;
        }
        long active = engine.activeIncidents();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        Reference.reachabilityFence(engine);
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        return new Result(active, mean, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                fillSeconds, heap);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
