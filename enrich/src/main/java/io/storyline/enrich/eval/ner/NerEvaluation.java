package io.storyline.enrich.eval.ner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.article.Entity;
import io.storyline.common.json.Json;
import io.storyline.enrich.entities.EntityExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code storyline eval ner --conll FILE [--json]}: runs the entity extractor the enrich service uses on the text
 * of a CoNLL file and scores it against the file's gold names, CoNLL style (exact token span and label), per
 * label and micro-averaged over PER, LOC and ORG. For files with weapon labels (re3d's Weapon and
 * MilitaryPlatform) it also gives weapon precision and recall, exact and by overlap.
 */
public final class NerEvaluation {

    private NerEvaluation() {
    }

    public static void main(String[] args) {
        Path conll = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
            } else if (args[i].equals("--conll") && i + 1 < args.length) {
                conll = Path.of(args[++i]);
            } else {
                System.err.println("usage: eval ner --conll FILE [--json]");
                System.exit(2);
            }
        }
        if (conll == null) {
            System.err.println("usage: eval ner --conll FILE [--json]");
            System.exit(2);
        }
        System.exit(run(conll, json, System.out, System.err));
    }

    /** Scores the file; prints a table, or JSON with {@code json}. Returns the process exit code. */
    public static int run(Path conll, boolean json, PrintStream out, PrintStream err) {
        List<ConllDocument> documents;
        try (BufferedReader reader = Files.newBufferedReader(conll, StandardCharsets.UTF_8)) {
            documents = ConllReader.read(reader);
        } catch (NoSuchFileException e) {
            err.println("no such file: " + conll
                    + (conll.toString().contains("shared") ? " (the evaluation data lives in ../shared/eval)" : ""));
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + conll + ": " + e.getMessage());
            return 2;
        }
        boolean goldHasWeapons = documents.stream().flatMap(d -> d.sentences().stream())
                .flatMap(s -> s.gold().stream()).anyMatch(g -> LabelScheme.WEAPON.equals(LabelScheme.gold(g.label())));
        EntityExtractor extractor = new EntityExtractor();
        NerScorer scorer = new NerScorer();
        int tokens = 0;
        long started = System.nanoTime();
        for (ConllDocument document : documents) {
            ConllText text = new ConllText(document);
            List<Entity> entities = extractor.extract(text.text());
            if (!goldHasWeapons) {
                // Common weapon nouns ("guns") are not names; CoNLL gold has no place for them.
                entities = entities.stream().filter(e -> !"GENERIC".equals(e.subtype())).toList();
            }
            List<List<Span>> predicted = text.spans(entities, goldHasWeapons);
            for (int s = 0; s < document.sentences().size(); s++) {
                ConllSentence sentence = document.sentences().get(s);
                tokens += sentence.words().size();
                scorer.score(scoredGold(sentence.gold()), predicted.get(s));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            out.println(toJson(conll, documents.size(), tokens, seconds, scorer, goldHasWeapons));
        } else {
            printTable(out, conll, documents.size(), tokens, seconds, scorer, goldHasWeapons);
        }
        return 0;
    }

    private static List<Span> scoredGold(List<Span> gold) {
        List<Span> out = new ArrayList<>();
        for (Span span : gold) {
            String label = LabelScheme.gold(span.label());
            if (label != null) {
                out.add(new Span(span.start(), span.end(), label));
            }
        }
        return out;
    }

    private static void printTable(PrintStream out, Path conll, int documents, int tokens, double seconds,
                                   NerScorer scorer, boolean goldHasWeapons) {
        out.printf("%s: %d documents, %d tokens, %.1f s%n", conll, documents, tokens, seconds);
        out.printf("%-22s %9s %9s %9s %7s %9s %7s%n", "label", "precision", "recall", "f1", "gold", "predicted",
                "correct");
        for (Map.Entry<String, Tally> entry : scorer.byLabel().entrySet()) {
            if (entry.getValue().gold > 0) {
                row(out, entry.getKey(), entry.getValue());
            }
        }
        row(out, "micro PER/LOC/ORG", scorer.micro(LabelScheme.MAIN));
        if (goldHasWeapons) {
            row(out, "WEAPON (overlap)", scorer.weaponOverlap());
        }
    }

    private static void row(PrintStream out, String label, Tally tally) {
        out.printf("%-22s %9.2f %9.2f %9.2f %7d %9d %7d%n", label, tally.precision(), tally.recall(), tally.f1(),
                tally.gold, tally.predicted, tally.correct);
    }

    private static String toJson(Path conll, int documents, int tokens, double seconds, NerScorer scorer,
                                 boolean goldHasWeapons) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("file", conll.toString());
        root.put("documents", documents);
        root.put("tokens", tokens);
        root.put("seconds", Math.round(seconds * 10) / 10.0);
        ObjectNode labels = root.putObject("labels");
        scorer.byLabel().forEach((label, tally) -> {
            if (tally.gold > 0) {
                labels.set(label, toJson(tally));
            }
        });
        root.set("micro_per_loc_org", toJson(scorer.micro(LabelScheme.MAIN)));
        if (goldHasWeapons) {
            root.set("weapon_overlap", toJson(scorer.weaponOverlap()));
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scores as JSON", e);
        }
    }

    private static ObjectNode toJson(Tally tally) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("precision", round(tally.precision()));
        node.put("recall", round(tally.recall()));
        node.put("f1", round(tally.f1()));
        node.put("gold", tally.gold);
        node.put("predicted", tally.predicted);
        node.put("correct", tally.correct);
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
