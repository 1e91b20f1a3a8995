package io.storyline.launcher.local;

import io.storyline.common.alert.Alert;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.KafkaOptions;
import io.storyline.launcher.UserError;
import io.storyline.broker.EmbeddedKafka;
import io.storyline.launcher.tail.AlertFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code storyline run --embedded --input PATH...}: the whole pipeline on a throwaway broker, over the user's
 * files; writes the final incidents as JSON lines once every input article has reached one.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline on an embedded broker over your files, then write the final incidents "
                + "as JSON lines (one news.incidents record per line).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--embedded", description = "run on a throwaway single-node broker in this process")
    boolean embedded;

    @Option(names = "--input", arity = "1..*", required = true, paramLabel = "PATH",
            description = "files, directories or globs (.txt, .json, .jsonl, RSS/Atom .xml), or - for stdin")
    List<String> inputs;

    @Option(names = "--output", paramLabel = "FILE", description = "where to write the incidents (default: stdout)")
    Path output;

    @Option(names = "--events", paramLabel = "FILE",
            description = "also write every incident event (OPENED, ARTICLE_ADDED, CORROBORATED...) as JSON lines")
    Path events;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "also run the alert service with these alert rules (its webhooks get what they raise)")
    Path rules;

    @Option(names = "--alerts", paramLabel = "FILE",
            description = "with --rules: write every alert raised as JSON lines (one news.alerts record per line)")
    Path alerts;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "instances of each service (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "3",
            description = "partitions of every topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        if (!embedded) {
            throw new UserError("run needs --embedded (a throwaway broker); against a real cluster, start "
                    + "`storyline ingest|enrich|aggregate` and feed them with `storyline publish`");
        }
        if (instances < 1 || partitions < 1) {
            throw new UserError("--instances and --partitions must be at least 1");
        }
        if (alerts != null && rules == null) {
            throw new UserError("--alerts needs --rules: the alerts are what the rules raise");
        }
        for (Path file : new Path[] {output, events, alerts}) {
            if (file != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
                throw new UserError("cannot write " + file + ": its folder does not exist");
            }
        }
        try (EmbeddedKafka broker = EmbeddedKafka.start(Map.of())) {
            StorylineConfig config = kafka.resolve(Map.of(TopicsSetup.PARTITIONS, Integer.toString(partitions)))
                    .with("bootstrap.servers", broker.bootstrapServers());
            List<IncidentEvent> seen = new ArrayList<>();
            try (AlertsOfRun alerting = rules == null ? null : AlertsOfRun.start(config, rules)) {
                LocalRun.Result result = LocalRun.execute(config, inputs, instances, System.in, seen::add,
                        System.console() != null ? System.err : null);
                write(output, result.incidents().stream().map(Topics.INCIDENT_SERDE::toBytes).toList());
                if (events != null) {
                    write(events, seen.stream().map(Topics.INCIDENT_EVENT_SERDE::toBytes).toList());
                }
                report(result);
                if (alerting != null) {
                    List<Alert> raised = alerting.alerts();
                    System.err.printf("storyline: the rules raised %d alert%s%n", raised.size(),
                            raised.size() == 1 ? "" : "s");
                    raised.forEach(alert -> System.err.println("  " + AlertFormat.alert(alert).replace("\n", "\n  ")));
                    if (alerts != null) {
                        write(alerts, raised.stream().map(Topics.ALERT_SERDE::toBytes).toList());
                    }
                }
            }
        }
        return 0;
    }

    private void report(LocalRun.Result result) {
        System.err.printf("storyline: %d articles -> %d incidents (%d instance%s of each service, %d partitions) "
                        + "in %.1f s; %d dead letters%s%n",
                result.articleIds().size(), result.incidents().size(), instances, instances == 1 ? "" : "s",
                partitions, result.elapsed().toMillis() / 1000.0, result.deadLetters().size(),
                result.published().rejected().isEmpty() ? "" : "; not published: " + result.published().rejected());
        result.deadLetters().forEach(letter -> System.err.printf("  dead letter from %s: %s (%s): %s%n",
                letter.service(), letter.key(), letter.reason(), letter.message()));
    }

    /** JSON lines to {@code file} (replaced whole, never left half-written), or to stdout when it is null. */
    private static void write(Path file, List<byte[]> lines) {
        try {
            if (file == null) {
                writeTo(System.out, lines);
                return;
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                writeTo(out, lines);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeTo(OutputStream out, List<byte[]> lines) throws IOException {
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        out.flush();
    }
}
