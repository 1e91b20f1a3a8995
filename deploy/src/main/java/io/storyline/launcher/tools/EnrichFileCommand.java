package io.storyline.launcher.tools;

import io.storyline.enrich.offline.EnrichFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline enrich-file}: enrich articles offline, through the enrich service's own code. */
@Command(name = "enrich-file", mixinStandardHelpOptions = true,
        description = "Enrich article JSON lines without Kafka (news.articles records in, news.enriched records out).")
public final class EnrichFileCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "F.jsonl", description = "articles, one JSON per line")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "O.jsonl", description = "where to write enriched articles")
    Path output;

    @Override
    public Integer call() {
        return EnrichFile.run(input, output, System.err);
    }
}
