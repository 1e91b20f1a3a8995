package io.storyline.launcher.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.storyline.common.json.Json;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code storyline bench} measured, as a table for people and as JSON for tools. Throughputs are articles (or
 * records) a second as a downstream consumer sees them arrive; latencies are from the publisher's send to the
 * article's placement in an incident on news.incident-events.
 */
public record BenchReport(Setup setup, Map<String, Throughput> throughput, String slowestStage, Ratios ratios,
                          Latency latency, Map<String, Memory> memory, Targets targets) {

    /** The run's conditions: its data, the machine and how busy it was. */
    public record Setup(int articles, int averageWords, int averageBytes, int partitions, int cores, String cpus,
                        String loadAverageBefore, String loadAverageAfter, String java) {
    }

    /**
     * One throughput figure in the steady state (the middle three fifths of the records: start-up and JIT warm-up,
     * and the drain at the end, left out): records a second, over {@code seconds}, and per second of CPU the
     * process(es) used (a machine shared with other work slows the first, hardly the second).
     *
     * @param records every record that arrived, the first and last fifths included
     */
    public record Throughput(String what, int records, double seconds, double perSecond, double perCpuSecond) {
    }

    /**
     * @param slowestStageInPipelineToAlonePerCpuSecond the slowest stage's articles per CPU-second inside the
     *                                                  pipeline over alone: what the pipeline costs it, whatever
     *                                                  else the machine is doing
     */
    public record Ratios(double endToEndToSlowestStage, double endToEndToPassThrough,
                         double slowestStageToPassThrough, double slowestStageInPipelineToAlonePerCpuSecond) {
    }

    /** Publish → incident-updated latency at a steady rate, in milliseconds. */
    public record Latency(double ratePerSecond, int articles, double seconds, double p50Ms, double p95Ms,
                          double p99Ms, double maxMs) {
    }

    /** A service instance's memory after the run, in MiB: heap in use after a full GC, resident set now and at peak. */
    public record Memory(String maxHeap, double heapAfterGcMib, double rssMib, double peakRssMib, double targetMib) {
    }

    public record Targets(boolean endToEndVersusSlowestStageMet, boolean p99AtHalfLoadMet, boolean heapMet) {
    }

    public String json() {
        try {
            return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        line(out, "Storyline pipeline benchmark: %d generated articles (average %d words, %.1f KB), %d partitions, "
                + "exactly_once_v2, embedded broker", setup.articles(), setup.averageWords(),
                setup.averageBytes() / 1024.0, setup.partitions());
        line(out, "machine: %d cores, load average %s before, %s after; %s", setup.cores(), setup.loadAverageBefore(),
                setup.loadAverageAfter(), setup.java());
        line(out, "CPUs: %s", setup.cpus());
        line(out, "");
        line(out, "%-52s %10s %10s %8s %7s", "throughput", "per second", "per CPU-s", "records", "seconds");
        throughput.forEach((key, t) -> line(out, "  %-50s %10.1f %10s %8d %7.1f%s",
                (key.endsWith("_in_pipeline") ? "  " : "") + t.what(), t.perSecond(),
                t.perCpuSecond() > 0 ? String.format(Locale.ROOT, "%.1f", t.perCpuSecond()) : "-", t.records(),
                t.seconds(), key.equals(slowestStage) ? "   <- slowest stage" : ""));
        line(out, "");
        line(out, "ratios");
        line(out, "  %-50s %10.2f   (target >= 0.90)", "end to end / slowest stage alone",
                ratios.endToEndToSlowestStage());
        line(out, "  %-50s %10.3f", "end to end / pass-through", ratios.endToEndToPassThrough());
        line(out, "  %-50s %10.3f", "slowest stage alone / pass-through", ratios.slowestStageToPassThrough());
        line(out, "  %-50s %10.2f", "slowest stage in the pipeline / alone, per CPU-second",
                ratios.slowestStageInPipelineToAlonePerCpuSecond());
        line(out, "");
        line(out, "latency publish -> incident updated at %.1f articles/s (half the maximum: the lower of end to end "
                + "and the slowest stage alone), %d articles over %.0f s", latency.ratePerSecond(),
                latency.articles(), latency.seconds());
        line(out, "  p50 %.0f ms   p95 %.0f ms   p99 %.0f ms   max %.0f ms   (target p99 <= 2000 ms)",
                latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), latency.maxMs());
        line(out, "");
        line(out, "%-12s %8s %16s %10s %13s %12s", "memory", "-Xmx", "heap after GC", "RSS", "peak RSS",
                "heap target");
        memory.forEach((service, m) -> line(out, "  %-10s %8s %12.0f MiB %6.0f MiB %9.0f MiB %8.0f MiB", service,
                m.maxHeap(), m.heapAfterGcMib(), m.rssMib(), m.peakRssMib(), m.targetMib()));
        line(out, "");
        line(out, "targets: end to end >= 0.9 x slowest stage %s; p99 <= 2 s at half load %s; heap within targets %s",
                yes(targets.endToEndVersusSlowestStageMet()), yes(targets.p99AtHalfLoadMet()), yes(targets.heapMet()));
        return out.toString();
    }

    private static String yes(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
