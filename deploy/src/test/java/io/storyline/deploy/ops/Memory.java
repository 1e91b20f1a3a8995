package io.storyline.deploy.ops;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Heap budgets: enrich may use up to 512 MiB of heap per stream thread (CoreNLP's taggers) and 512 MiB more for
 * the German, French and Spanish models its threads share, ingest and aggregate 256 MiB; and the heap a container
 * gets from its memory limit and JVM options.
 */
final class Memory {

    private static final long MIB = 1L << 20;

    private Memory() {
    }

    static long heapBudget(String service, Map<String, String> environment) {
        if (!service.equals("enrich")) {
            return 256 * MIB;
        }
        String threads = environment.get("KAFKA_NUM_STREAM_THREADS");
        int count = threads != null ? Integer.parseInt(threads)
                : (Integer) StreamsConfig.configDef().defaultValues().get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        return 512 * MIB * count + 512 * MIB;
    }

    /** The maximum heap: {@code -Xmx} where given, else {@code MaxRAMPercentage} of the memory limit. */
    static long heapBytes(long memoryLimit, Map<String, String> environment) {
        String options = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
        Matcher xmx = Pattern.compile("-Xmx(\\d+[kmgKMG]?)").matcher(options);
        if (xmx.find()) {
            return Deployables.bytes(xmx.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(options);
        if (!percentage.find()) {
            throw new AssertionError("JAVA_TOOL_OPTIONS sets neither -Xmx nor MaxRAMPercentage: " + options);
        }
        return (long) (memoryLimit * Double.parseDouble(percentage.group(1)) / 100);
    }
}
