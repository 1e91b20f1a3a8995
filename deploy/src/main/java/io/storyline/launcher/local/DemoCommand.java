package io.storyline.launcher.local;

import io.storyline.common.incident.Incident;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.broker.EmbeddedKafka;
import io.storyline.launcher.tail.IncidentFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code storyline demo}: an embedded broker, the three services and the bundled sample articles; prints every
 * incident event as it is committed, then the incidents.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on the bundled sample articles and print the incidents as they form.")
public final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/io/storyline/launcher/demo/";

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Path samples = extractSamples();
        try (EmbeddedKafka broker = EmbeddedKafka.start(Map.of())) {
            out.println("Storyline demo: embedded Kafka at " + broker.bootstrapServers()
                    + "; ingest, enrich and aggregate running. Publishing the sample articles from "
                    + samples + " ...");
            out.println("(the first article waits a few seconds while enrich loads its language models)");
            out.println();
            StorylineConfig config = StorylineConfig.of(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), TopicsSetup.PARTITIONS, "3"));
            LocalRun.Result result = LocalRun.execute(config, List.of(samples.toString()), 1,
                    InputStream.nullInputStream(), event -> out.println(IncidentFormat.event(event)), null);
            out.println();
            out.printf("%d articles became %d incidents in %.1f s:%n%n", result.articleIds().size(),
                    result.incidents().size(), result.elapsed().toMillis() / 1000.0);
            for (Incident incident : result.incidents()) {
                out.println(IncidentFormat.incident(incident));
                out.println();
            }
            result.deadLetters().forEach(letter -> out.printf("dead letter from %s: %s (%s)%n",
                    letter.service(), letter.key(), letter.message()));
            out.println("Try it on your own files: ./storyline run --embedded --input DIR --output incidents.jsonl");
        } finally {
            delete(samples);
        }
        return 0;
    }

    /** The samples live in the launcher jar; the publisher reads files, so they are copied out for the run. */
    private static Path extractSamples() {
        try {
            Path dir = Files.createTempDirectory("storyline-demo-");
            String index;
            try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + "index.txt")) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String name : index.strip().split("\\s+")) {
                try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo articles", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
