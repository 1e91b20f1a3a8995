package io.storyline.launcher.tools;

import io.storyline.aggregate.bench.ClusteringBenchmark;
import io.storyline.enrich.bench.EnrichBenchmark;
import io.storyline.ingest.bench.IngestBenchmark;
import io.storyline.launcher.UserError;
import io.storyline.launcher.bench.PipelineBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storyline bench ...}: benchmarks that print figures (never pass/fail on time). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput, latency and memory. Without a subcommand: the whole pipeline on the "
                + "embedded broker, each service in its own JVM, beside a pass-through topology and each stage "
                + "alone; latency at half the maximum load; heap and RSS per service.",
        subcommands = {BenchCommand.Enrich.class, BenchCommand.Ingest.class, BenchCommand.Clustering.class})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "600", paramLabel = "N",
            description = "articles through the whole pipeline, fed at twice the slowest stage's speed (default: ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--latency-seconds", defaultValue = "30", paramLabel = "S",
            description = "seconds of feeding at half the maximum rate for the latency figures "
                    + "(default: ${DEFAULT-VALUE})")
    int latencySeconds;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated articles "
            + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--shared-cpus", description = "let the OS place every process, instead of giving enrich a "
            + "CPU of its own and the rest the others (as containers with CPU sets)")
    boolean sharedCpus;

    /** Without a named benchmark: the whole pipeline beside its baselines. */
    @Override
    public Integer call() {
        if (articles < 10 || latencySeconds < 1) {
            throw new UserError("--articles must be at least 10 and --latency-seconds at "
                    + "least 1");
        }
        return PipelineBenchmark.run(new PipelineBenchmark.Options(articles, latencySeconds, seed, json, !sharedCpus),
                System.out, System.err);
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Articles/s and tokens/s per core of enrich and of CoreNLP's 4-class + SUTime pipeline "
                    + "on the same articles, their ratio, and heap after GC; then enrich on German, French and "
                    + "Spanish articles (each language whose models are on the classpath), beside English.")
    static final class Enrich implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "5", description = "measured passes (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--warmup", defaultValue = "3", description = "warm-up passes (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() {
            return EnrichBenchmark.run(rounds, warmup, json, System.out);
        }
    }

    @Command(name = "ingest", description = "Ingest's throughput on its own: the parse and normalise path on one "
            + "core, and through the real topology when given a broker. "
            + "Options: [--articles N] [--rounds R] [--bootstrap-server HOST:PORT]")
    static final class Ingest implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "OPTION", description = "see above")
        List<String> options = new ArrayList<>();

        @Override
        public Integer call() {
            return IngestBenchmark.run(options.toArray(String[]::new), System.out);
        }
    }

    @Command(name = "clustering", description = "Clustering cost per article at 1k, 10k and 100k active incidents. "
            + "Options: [--sizes 1000,10000,100000] [--articles N]")
    static final class Clustering implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "OPTION", description = "see above")
        List<String> options = new ArrayList<>();

        @Override
        public Integer call() {
            return ClusteringBenchmark.run(options.toArray(String[]::new), System.out);
        }
    }
}
