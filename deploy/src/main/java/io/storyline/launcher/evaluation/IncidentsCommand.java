package io.storyline.launcher.evaluation;

import io.storyline.common.json.Json;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.UserError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline eval incidents}: scores the pipeline's incidents on gold data, offline and deterministically. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "Run ingest, enrich and clustering offline over articles, in the order the pipeline clusters "
                + "them, and score the incidents against gold labels: pairwise and B-cubed precision, recall and F1, "
                + "with the largest false merges and splits.")
public final class IncidentsCommand implements Callable<Integer> {

    @Option(names = "--input", arity = "1..*", required = true, paramLabel = "PATH",
            description = "files, directories or globs (.txt, .json, .jsonl, RSS/Atom .xml), as for run")
    List<String> inputs;

    @Option(names = "--gold", paramLabel = "GOLD.tsv",
            description = "gold labels, one 'article_id<TAB>incident_id' a line; without it, only clusters")
    Path gold;

    @Option(names = "--output", paramLabel = "FILE", description = "also write the incidents as JSON lines")
    Path output;

    @Option(names = "--enriched", paramLabel = "FILE",
            description = "also write the enriched articles, in clustering order, as JSON lines")
    Path enriched;

    @Option(names = "--errors", paramLabel = "N", defaultValue = "5",
            description = "false merges and splits to list (default: ${DEFAULT-VALUE})")
    int errors;

    @Option(names = "--threads", paramLabel = "N", description = "enrichment threads (default: the cores)")
    Integer threads;

    @Option(names = "--json", description = "print the scores as one JSON object")
    boolean json;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "properties file with storyline.* settings")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "one setting, e.g. storyline.aggregate.join.threshold=2 (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (errors < 0) {
            throw new UserError("--errors must be 0 or more");
        }
        Map<String, String> labels = gold == null ? null : readGold(gold);
        StorylineConfig config = StorylineConfig.resolve(Map.of(), configFile, System.getenv(), settings);
        int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        IncidentEvaluation.Outcome outcome = IncidentEvaluation.run(config, inputs, System.in, labels, enriched,
                workers, errors);
        if (output != null) {
            IncidentEvaluation.write(output, outcome.incidents());
        }
        print(outcome, System.out);
        return 0;
    }

    private void print(IncidentEvaluation.Outcome outcome, PrintStream out) {
        IncidentScores scores = outcome.scores();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("incidents", outcome.incidents().size());
            report.put("rejected", outcome.rejected().size());
            report.put("scores", scores);
            try {
                out.println(Json.mapper().writeValueAsString(report));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        out.printf("%d articles -> %d incidents; %d inputs rejected%n",
                outcome.incidents().stream().mapToInt(incident -> incident.articleIds().size()).sum(),
                outcome.incidents().size(), outcome.rejected().size());
        outcome.rejected().stream().limit(errors).forEach(rejection -> out.printf("  rejected %s (%s): %s%n",
                rejection.input(), rejection.reasonCode(), rejection.reason()));
        if (scores == null) {
            return;
        }
        out.printf("gold: %d articles, %d incidents; %d articles in no incident%n", scores.articles(),
                scores.goldIncidents(), scores.missingArticles());
        out.printf("pairwise  P %.4f  R %.4f  F1 %.4f%n", scores.pairwisePrecision(), scores.pairwiseRecall(),
                scores.pairwiseF1());
        out.printf("b-cubed   P %.4f  R %.4f  F1 %.4f%n", scores.bcubedPrecision(), scores.bcubedRecall(),
                scores.bcubedF1());
        printErrors(out, "largest false merges (one incident holding several gold incidents)", scores.falseMerges(),
                "gold");
        printErrors(out, "largest splits (one gold incident spread over several incidents)", scores.splits(),
                "incident");
    }

    private static void printErrors(PrintStream out, String heading, List<IncidentScores.Error> list, String part) {
        if (list.isEmpty()) {
            return;
        }
        out.println(heading + ":");
        for (IncidentScores.Error error : list) {
            out.printf("  %s  %d wrong pairs%n", error.incident(), error.wrongPairs());
            for (IncidentScores.Part p : error.parts()) {
                out.printf("    %3d  %s %-24s %s%n", p.articles(), part, p.incident(), shorten(p.title()));
            }
        }
    }

    private static String shorten(String title) {
        return title.length() <= 90 ? title : title.substring(0, 89) + "…";
    }

    private static Map<String, String> readGold(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new UserError(file + ":" + lineNumber + ": expected 'article_id<TAB>incident_id'");
                }
                out.put(parts[0].trim(), parts[1].trim());
            }
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        return out;
    }
}
