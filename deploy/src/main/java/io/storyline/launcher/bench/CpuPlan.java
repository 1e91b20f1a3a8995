package io.storyline.launcher.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the benchmark's processes run. Pinned: the slowest stage (enrich, which does the most work per article)
 * gets a CPU of its own, alone and in the pipeline alike, and everything else (the other services, the broker,
 * the publisher and the reader) shares the rest, as containers with CPU sets would. Without it, the stage
 * measured alone has the whole machine while in the pipeline it shares it, and on a small machine the ratio of
 * the two measures how many cores there are, not what the pipeline costs. Shared: the OS places everything.
 *
 * @param cores      the machine's CPUs (a pinned JVM sees only its own)
 * @param ownCpu     the CPU the slowest stage runs on, or null when shared
 * @param othersCpus the CPUs of everything else, or null when shared
 */
record CpuPlan(int cores, String ownCpu, String othersCpus) {

    static final String PINNED_SERVICE = "enrich";

    static CpuPlan shared() {
        return new CpuPlan(Runtime.getRuntime().availableProcessors(), null, null);
    }

    /** Pinned if the machine has two CPUs or more and {@code taskset} can pin this process; else shared. */
    static CpuPlan choose(boolean wanted) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!wanted || cores < 2) {
            return shared();
        }
        String others = cores == 2 ? "0" : "0-" + (cores - 2);
        // Threads this JVM starts from now on (broker, publisher, reader) inherit the CPU set of their creator.
        if (!run(List.of("taskset", "-a", "-p", "-c", others, Long.toString(ProcessHandle.current().pid())))) {
            return shared();
        }
        return new CpuPlan(cores, Integer.toString(cores - 1), others);
    }

    boolean pinned() {
        return ownCpu != null;
    }

    /** The taskset CPU list for instances of {@code service}, or null. */
    String cpusOf(String service) {
        return !pinned() ? null : service.equals(PINNED_SERVICE) ? ownCpu : othersCpus;
    }

    String describe() {
        return pinned() ? PINNED_SERVICE + " on CPU " + ownCpu
                + "; the other services, the broker and the benchmark on CPU " + othersCpus
                : "shared: the OS places every process";
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
