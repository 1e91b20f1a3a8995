package io.storyline.launcher.tools;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.ingest.publish.PublishSummary;
import io.storyline.ingest.publish.Publisher;
import io.storyline.launcher.KafkaOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storyline publish}: feed files into news.raw, with an idempotent producer; one summary line. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish feed files (.txt, .json, .jsonl, RSS/Atom .xml; directories, globs, - for stdin) "
                + "into news.raw.")
public final class PublishCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "what to publish")
    List<String> paths;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--progress", description = "draw a progress bar even when stderr is not a terminal")
    boolean progress;

    @Override
    public Integer call() {
        StorylineConfig config = kafka.resolveWithCluster(Map.of());
        PublishSummary summary = Publisher.publish(paths, config.topics().raw().name(), config.kafkaSettings(),
                System.in, progress || System.console() != null ? System.err : null);
        System.err.println("storyline: " + summary);
        return summary.ok() ? 0 : 1;
    }
}
