package io.storyline.enrich.eval.timex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.article.DateMention;
import io.storyline.common.json.Json;
import io.storyline.enrich.dates.DateExtractor;
import io.storyline.enrich.language.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code storyline eval timex --timeml DIR [--language en|de|fr|es] [--halves] [--json]}: runs the language's
 * {@link DateExtractor#tag} on the TEXT of every TimeML file under DIR against its creation date and prints the
 * TempEval-3 scores for temporal expressions — relaxed and strict precision/recall/F1, value F1 and type accuracy —
 * per corpus (sub-directory) and over all files; {@code --halves} also scores the first and second half of the
 * files (in name order) apart, to show whether a figure holds across the set.
 * The creation-time TIMEX3 in the header is not part of the evaluation, as in TempEval-3.
 */
public final class TimexEvaluation {

    static final String ALL = "all";

    private TimexEvaluation() {
    }

    /** Exit code 0 on success, 2 when the directory is missing, holds no .tml files or a file cannot be read. */
    public static int run(Path timemlDir, boolean json, PrintStream out) {
        return run(timemlDir, Language.ENGLISH, false, json, out, System.err);
    }

    static int run(Path timemlDir, boolean json, PrintStream out, PrintStream err) {
        return run(timemlDir, Language.ENGLISH, false, json, out, err);
    }

    public static int run(Path timemlDir, Language language, boolean halves, boolean json, PrintStream out,
                          PrintStream err) {
        if (timemlDir == null || !Files.isDirectory(timemlDir)) {
            err.println("eval timex: " + timemlDir + " is not a directory (expected TimeML .tml files, e.g. ../shared/eval/timebank)");
            return 2;
        }
        List<TimemlDocument> documents;
        try {
            documents = readAll(timemlDir);
        } catch (TimemlReader.InvalidTimemlException e) {
            err.println("eval timex: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("eval timex: cannot read " + timemlDir + ": " + e.getMessage());
            return 2;
        }
        if (documents.isEmpty()) {
            err.println("eval timex: no .tml files under " + timemlDir);
            return 2;
        }
        Map<String, TimexScores> scores = score(new DateExtractor(language), documents);
        if (halves) {
            DateExtractor extractor = new DateExtractor(language);
            int half = (documents.size() + 1) / 2;
            scores.put("half-1", score(extractor, documents.subList(0, half)).get(ALL));
            scores.put("half-2", score(extractor, documents.subList(half, documents.size())).get(ALL));
        }
        if (json) {
            out.println(toJson(scores));
        } else {
            printTable(scores, out);
        }
        return 0;
    }

    static List<TimemlDocument> readAll(Path dir) throws IOException, TimemlReader.InvalidTimemlException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".tml") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        TimemlReader reader = new TimemlReader();
        List<TimemlDocument> documents = new ArrayList<>(files.size());
        for (Path file : files) {
            Path relative = dir.relativize(file);
            String corpus = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
            documents.add(reader.read(file, corpus));
        }
        return documents;
    }

    /** Scores per corpus plus the total under {@link #ALL}. */
    static Map<String, TimexScores> score(DateExtractor extractor, List<TimemlDocument> documents) {
        Map<String, TimexScores> byCorpus = new TreeMap<>();
        TimexScores all = new TimexScores();
        for (TimemlDocument doc : documents) {
            List<DateMention> system = extractor.tag(doc.text(), doc.creationDate());
            TimexScores one = new TimexScores();
            one.add(doc.timexes(), system);
            all.add(one);
            if (!doc.corpus().isEmpty()) {
                byCorpus.computeIfAbsent(doc.corpus(), k -> new TimexScores()).add(one);
            }
        }
        byCorpus.put(ALL, all);
        return byCorpus;
    }

    private static void printTable(Map<String, TimexScores> scores, PrintStream out) {
        out.printf(Locale.ROOT, "%-10s %5s %6s %6s | %-20s | %-20s | %8s %9s%n", "corpus", "docs", "gold", "system",
                "relaxed P / R / F1", "strict P / R / F1", "value F1", "type acc");
        for (Map.Entry<String, TimexScores> e : ordered(scores)) {
            TimexScores s = e.getValue();
            out.printf(Locale.ROOT, "%-10s %5d %6d %6d | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f | %8.2f %9.2f%n",
                    e.getKey(), s.documents, s.gold, s.system,
                    100 * s.relaxedPrecision(), 100 * s.relaxedRecall(), 100 * s.relaxedF1(),
                    100 * s.strictPrecision(), 100 * s.strictRecall(), 100 * s.strictF1(),
                    100 * s.valueF1(), 100 * s.typeAccuracy());
        }
    }

    private static String toJson(Map<String, TimexScores> scores) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode corpora = root.putArray("corpora");
        for (Map.Entry<String, TimexScores> e : ordered(scores)) {
            TimexScores s = e.getValue();
            ObjectNode node = corpora.addObject();
            node.put("corpus", e.getKey());
            node.put("documents", s.documents);
            node.put("gold", s.gold);
            node.put("system", s.system);
            node.put("relaxed_precision", round(s.relaxedPrecision()));
            node.put("relaxed_recall", round(s.relaxedRecall()));
            node.put("relaxed_f1", round(s.relaxedF1()));
            node.put("strict_precision", round(s.strictPrecision()));
            node.put("strict_recall", round(s.strictRecall()));
            node.put("strict_f1", round(s.strictF1()));
            node.put("value_accuracy", round(s.valueAccuracy()));
            node.put("value_f1", round(s.valueF1()));
            node.put("type_accuracy", round(s.typeAccuracy()));
        }
        return root.toString();
    }

    private static List<Map.Entry<String, TimexScores>> ordered(Map<String, TimexScores> scores) {
        List<Map.Entry<String, TimexScores>> entries = new ArrayList<>();
        scores.entrySet().stream().filter(e -> !e.getKey().equals(ALL)).forEach(entries::add);
        entries.add(Map.entry(ALL, scores.get(ALL)));
        return entries;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
