package io.storyline.launcher;

import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code storyline ingest|enrich|aggregate}: one service against a real cluster, until SIGTERM; what a container
 * runs. Exits non-zero when the Kafka Streams client fails, so the platform restarts it.
 */
@Command(mixinStandardHelpOptions = true)
public final class ServiceCommand implements Callable<Integer> {

    private final Services.Kind kind;

    @Mixin
    KafkaOptions kafka;

    ServiceCommand(Services.Kind kind) {
        this.kind = kind;
    }

    @Override
    public Integer call() {
        StorylineConfig config = kafka.resolveWithCluster(Map.of());
        return ServiceRuntime.runUntilStopped(kind.create(), config);
    }
}
