package io.storyline.launcher.local;

import io.storyline.common.files.Folders;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.launcher.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;

/**
 * N instances of each of the three pipeline services in this JVM, as N containers of each would run: instances of one
 * service share its application id (so Kafka balances partitions between them) and each has its own state
 * directory.
 */
public final class LocalPipeline implements AutoCloseable {

    private final List<ServiceRuntime> runtimes;
    private final Path stateRoot;

    private LocalPipeline(List<ServiceRuntime> runtimes, Path stateRoot) {
        this.runtimes = runtimes;
        this.stateRoot = stateRoot;
    }

    public static LocalPipeline start(StorylineConfig config, int instances) {
        Path stateRoot;
        try {
            stateRoot = Files.createTempDirectory("storyline-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ServiceRuntime> runtimes = new ArrayList<>();
        try {
            for (Services.Kind kind : Services.Kind.values()) {
                if (!kind.pipeline()) {
                    continue;
                }
                for (int i = 1; i <= instances; i++) {
                    String instance = kind.command() + "-" + i;
                    StorylineConfig own = config
                            .with(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(instance).toString())
                            .with(StreamsConfig.CLIENT_ID_CONFIG, "storyline-" + instance);
                    if (kind == Services.Kind.ENRICH
                            && !config.asMap().containsKey(StreamsConfig.NUM_STREAM_THREADS_CONFIG)) {
                        own = own.with(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                                Integer.toString(enrichThreads(instances, Runtime.getRuntime().availableProcessors())));
                    }
                    runtimes.add(ServiceRuntime.start(kind.create(), own));
                }
            }
        } catch (RuntimeException e) {
            new LocalPipeline(runtimes, stateRoot).close();
            throw e;
        }
        return new LocalPipeline(runtimes, stateRoot);
    }

    /**
     * Stream threads of each enrich instance in a local run: the cores the instances leave (at least one). The run
     * is one machine, and enrich is the stage that needs CPU: a single instance would otherwise enrich on one core
     * while the other cores wait. {@code num.stream.threads}, when set, wins.
     */
    static int enrichThreads(int instances, int cores) {
        return Math.max(1, cores / instances);
    }

    /** The first instance whose client has failed, if any: a local run cannot finish without it. */
    public Optional<ServiceRuntime> failed() {
        return runtimes.stream().filter(r -> r.streams().state() == org.apache.kafka.streams.KafkaStreams.State.ERROR)
                .findFirst();
    }

    public List<ServiceRuntime> runtimes() {
        return List.copyOf(runtimes);
    }

    @Override
    public void close() {
        // Closing in parallel: each close waits for its threads, and ten instances one by one add up.
        runtimes.parallelStream().forEach(ServiceRuntime::close);
        Folders.deleteQuietly(stateRoot);
    }
}
