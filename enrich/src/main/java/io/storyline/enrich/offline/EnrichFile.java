package io.storyline.enrich.offline;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.EnrichmentError;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Json;
import io.storyline.enrich.ArticleEnricher;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code storyline enrich-file --input F.jsonl --output O.jsonl}: enriches article JSON lines offline with the
 * enricher the service runs, writing one {@code news.enriched} record a line. A line that is not an article is
 * reported on {@code err} with its line number and reason and skipped; an article an enrichment step failed on is
 * written like the service writes it (without that step's part, the step named in {@code enrichment_errors}) and
 * reported too, so the summary line says how many articles were enriched whole.
 */
public final class EnrichFile {

    private EnrichFile() {
    }

    /**
     * @return 0 when every line was enriched by every step, 1 when some lines were skipped or some step failed on
     *         an article, 2 when the input cannot be read or the output cannot be written
     */
    public static int run(Path input, Path output, PrintStream err) {
        ArticleEnricher enricher = new ArticleEnricher();
        int lineNumber = 0;
        int enriched = 0;
        int bad = 0;
        int degraded = 0;
        Map<String, Integer> failedSteps = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Article article = ArticleLines.parse(line);
                    if (article == null) {
                        continue;  // a progress mark: not an article, nothing to report
                    }
                    EnrichedArticle result = enricher.enrich(article);
                    writer.write(Json.mapper().writeValueAsString(result));
                    writer.newLine();
                    enriched++;
                    if (result.enrichmentErrors() != null && !result.enrichmentErrors().isEmpty()) {
                        degraded++;
                        for (EnrichmentError error : result.enrichmentErrors()) {
                            failedSteps.merge(error.step(), 1, Integer::sum);
                            err.println(input + ":" + lineNumber + ": enriched without " + error.step() + " ("
                                    + error.reason() + ")");
                        }
                    }
                } catch (InvalidRecordException e) {
                    err.println(input + ":" + lineNumber + ": " + e.getMessage());
                    bad++;
                } catch (RuntimeException e) {
                    err.println(input + ":" + lineNumber + ": enrichment failed: " + e);
                    bad++;
                }
            }
        } catch (NoSuchFileException e) {
            err.println("no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("cannot enrich " + input + " into " + output + ": " + e.getMessage());
            return 2;
        }
        err.println("enriched " + enriched + " articles into " + output
                + (degraded > 0 ? ", " + degraded + " of them without a step that failed on them " + failedSteps : "")
                + (bad > 0 ? ", skipped " + bad + " bad lines" : ""));
        return bad > 0 || degraded > 0 ? 1 : 0;
    }

    public static void main(String[] args) {
        Path input = null;
        Path output = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[i + 1]);
                case "--output" -> output = Path.of(args[i + 1]);
                default -> input = null;
            }
        }
        if (input == null || output == null || args.length != 4) {
            System.err.println("usage: enrich-file --input F.jsonl --output O.jsonl");
            System.exit(2);
        }
        System.exit(run(input, output, System.err));
    }
}
