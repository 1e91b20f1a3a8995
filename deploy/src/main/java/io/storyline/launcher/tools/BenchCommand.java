package io.storyline.launcher.tools;

import io.storyline.enrich.bench.EnrichBenchmark;
import io.storyline.ingest.bench.IngestBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline bench ...}: benchmarks that print figures (never pass/fail on time). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput, latency and memory.",
        subcommands = {BenchCommand.Enrich.class, BenchCommand.Ingest.class})
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to measure: bench enrich, bench ingest");
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Articles/s and tokens/s per core of enrich and of CoreNLP's 4-class + SUTime pipeline "
                    + "on the same articles, their ratio, and heap after GC.")
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
        @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "OPTION", description = "see above")
        java.util.List<String> options = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            return IngestBenchmark.run(options.toArray(String[]::new), System.out);
        }
    }
}
