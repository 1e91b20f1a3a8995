package io.storyline.launcher.bench;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Storyline's services against one cluster, each instance in its own JVM started through the launcher, as
 * containers run them: per-process heap and RSS, and killable with SIGKILL. Topics and application ids carry a
 * prefix of the pipeline's own, so several pipelines share a broker; each instance keeps its state directory
 * across restarts, as a pod with a volume does.
 */
public final class ChildPipeline implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest", "enrich", "aggregate");
    public static final String LAUNCHER_MAIN = "io.storyline.launcher.Main";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String bootstrap;
    private final String prefix;
    private final Topics topics;
    private final Path dir;
    private final String classpath;
    private final Function<String, List<String>> jvmOptions;
    private Function<String, String> cpus = service -> null;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<ServiceInstance> started = new ArrayList<>();
    private final AtomicInteger launches = new AtomicInteger();

    /**
     * @param bootstrap  the cluster, or null when the environment ({@link #environment}) names it
     * @param dir        where state directories and logs go
     * @param jvmOptions the JVM options of an instance of each service
     * @param settings   Kafka and {@code storyline.*} settings of every instance, on top of the pipeline's names
     */
    public ChildPipeline(String name, String bootstrap, Path dir, String classpath,
                         Function<String, List<String>> jvmOptions, Map<String, String> settings) {
        this.bootstrap = bootstrap;
        this.prefix = name + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36)
                + ".";
        this.topics = Topics.defaults().renamed(key -> prefix + Topics.defaults().all().stream()
                .filter(t -> t.key().equals(key)).findFirst().orElseThrow().name());
        this.dir = dir;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
        topics.all().forEach(t -> this.settings.put(StorylineConfig.PREFIX + "topic." + t.key(), t.name()));
        for (String service : SERVICES) {
            this.settings.put(StorylineConfig.PREFIX + service + ".application.id", prefix + service);
        }
        this.settings.put(TopicsSetup.PARTITIONS, "3");
        this.settings.putAll(settings);
    }

    public Topics topics() {
        return topics;
    }

    public String prefix() {
        return prefix;
    }

    /** Settings a plain client of this pipeline's cluster needs. */
    public Map<String, Object> clientSettings() {
        return new HashMap<>(Map.of("bootstrap.servers", bootstrap));
    }

    /** This pipeline's topic names as a launcher command reads them from the environment. */
    public Map<String, String> topicEnvironment() {
        Map<String, String> env = new HashMap<>();
        topics.all().forEach(t -> env.put(StorylineConfig.envNameOf(StorylineConfig.PREFIX + "topic." + t.key()),
                t.name()));
        return env;
    }

    /** Environment variables every instance started after this call gets. */
    public ChildPipeline environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /**
     * Runs each instance of a service on the CPUs {@code cpus} gives it (a {@code taskset} list such as "1" or
     * "0-2"; null: wherever the OS likes), as a container with a CPU set would.
     */
    public ChildPipeline cpus(Function<String, String> cpus) {
        this.cpus = cpus;
        return this;
    }

    /** Starts instance {@code number} of {@code service} (again, after a kill: same state directory). */
    public ServiceInstance start(String service, int number) {
        return start(service, number, LAUNCHER_MAIN, List.of(service));
    }

    /**
     * Starts instance {@code number} of a service whose main is {@code mainClass}, given {@code leadingArgs} and
     * then the pipeline's settings as {@code --bootstrap-server} and {@code --set} options.
     */
    public ServiceInstance start(String service, int number, String mainClass, List<String> leadingArgs) {
        String instance = service + "-" + number;
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.put("state.dir", dir.resolve("state").resolve(instance).toString());
        own.put("client.id", prefix + instance);
        String cpuSet = cpus.apply(service);
        ServiceInstance instanceStarted = ServiceInstance.start(service, instance,
                cpuSet == null ? List.of() : List.of("taskset", "-c", cpuSet), classpath,
                jvmOptions.apply(service), mainClass, leadingArgs, bootstrap, own, environment,
                dir.resolve(instance + "-" + launches.incrementAndGet() + ".log"));
        started.add(instanceStarted);
        return instanceStarted;
    }

    /** One instance of each service, started together; returns once all are ready. */
    public List<ServiceInstance> startAll(Duration readyDeadline) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (String service : SERVICES) {
            instances.add(start(service, 1));
        }
        instances.forEach(i -> i.awaitReady(readyDeadline));
        return instances;
    }

    /** The last lines of every instance's output, for a report of what went wrong. */
    public String logs() {
        StringBuilder out = new StringBuilder();
        for (ServiceInstance instance : started) {
            List<String> lines = instance.output().lines().toList();
            out.append("--- ").append(instance).append(instance.isAlive() ? " (running)" : " (ended)").append('\n');
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    @Override
    public void close() {
        started.forEach(ServiceInstance::close);
    }
}
