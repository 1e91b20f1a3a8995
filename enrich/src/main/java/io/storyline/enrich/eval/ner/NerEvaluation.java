package io.storyline.enrich.eval.ner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.article.Entity;
import io.storyline.common.json.Json;
import io.storyline.enrich.entities.EntityExtractor;
import io.storyline.enrich.language.Language;
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
 * {@code storyline eval ner --conll FILE [--language en|de|fr|es] [--halves] [--json]}: runs the entity extractor
 * the enrich service uses for the language on the text of a CoNLL file and scores it against the file's gold names,
 * CoNLL style (exact token span and label), per label and micro-averaged over PER, LOC and ORG. For another
 * language than English it scores CoreNLP's own model for that language in the same run, on the same tokens, as the
 * baseline; {@code --halves} also scores the first and second half of the documents apart, to show whether a figure
 * holds across the file. For files with weapon labels (re3d's Weapon and MilitaryPlatform) it also gives weapon
 * precision and recall, exact and by overlap.
 */
public final class NerEvaluation {

    private NerEvaluation() {
    }

    public static void main(String[] args) {
        Path conll = null;
        boolean json = false;
        boolean halves = false;
        Language language = Language.ENGLISH;
        String usage = "usage: eval ner --conll FILE [--language en|de|fr|es] [--halves] [--json]";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
            } else if (args[i].equals("--halves")) {
                halves = true;
            } else if (args[i].equals("--conll") && i + 1 < args.length) {
                conll = Path.of(args[++i]);
            } else if (args[i].equals("--language") && i + 1 < args.length && Language.of(args[i + 1]) != null) {
                language = Language.of(args[++i]);
            } else {
                System.err.println(usage);
                System.exit(2);
            }
        }
        if (conll == null) {
            System.err.println(usage);
            System.exit(2);
        }
        System.exit(run(conll, language, halves, json, System.out, System.err));
    }

    /** Scores English's extractor on the file; prints a table, or JSON with {@code json}. Returns the exit code. */
    public static int run(Path conll, boolean json, PrintStream out, PrintStream err) {
        return run(conll, Language.ENGLISH, false, json, out, err);
    }

    /** Scores the language's extractor (and, beside it, CoreNLP's model alone for another language than English). */
    public static int run(Path conll, Language language, boolean halves, boolean json, PrintStream out,
                          PrintStream err) {
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
        List<Scored> systems = new ArrayList<>();
        systems.add(new Scored("Storyline (" + language.code() + ")", "storyline", new EntityExtractor(language)));
        if (language != Language.ENGLISH) {
            systems.add(new Scored("CoreNLP model alone", "corenlp_model", EntityExtractor.modelOnly(language)));
        }
        int half = (documents.size() + 1) / 2;
        int tokens = documents.stream().flatMap(d -> d.sentences().stream()).mapToInt(s -> s.words().size()).sum();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("file", conll.toString());
        root.put("language", language.code());
        root.put("documents", documents.size());
        root.put("tokens", tokens);
        for (Scored system : systems) {
            long started = System.nanoTime();
            NerScorer all = new NerScorer();
            NerScorer first = new NerScorer();
            NerScorer second = new NerScorer();
            for (int d = 0; d < documents.size(); d++) {
                NerScorer part = d < half ? first : second;
                score(system.extractor(), documents.get(d), goldHasWeapons, all, part);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (json) {
                ObjectNode node = root.putObject(system.key());
                node.put("seconds", Math.round(seconds * 10) / 10.0);
                addScores(node, all, goldHasWeapons);
                if (halves) {
                    node.set("first_half_micro_per_loc_org", toJson(first.micro(LabelScheme.MAIN)));
                    node.set("second_half_micro_per_loc_org", toJson(second.micro(LabelScheme.MAIN)));
                }
            } else {
                out.printf("%s: %s, %d documents, %d tokens, %.1f s%n", system.name(), conll, documents.size(), tokens,
                        seconds);
                printTable(out, all, goldHasWeapons);
                if (halves) {
                    row(out, "first half micro", first.micro(LabelScheme.MAIN));
                    row(out, "second half micro", second.micro(LabelScheme.MAIN));
                }
                out.println();
            }
        }
        if (json) {
            out.println(root);
        }
        return 0;
    }

    /** One scored system: Storyline's extractor or CoreNLP's model alone. */
    private record Scored(String name, String key, EntityExtractor extractor) {
    }

    private static void score(EntityExtractor extractor, ConllDocument document, boolean goldHasWeapons,
                              NerScorer all, NerScorer part) {
        ConllText text = new ConllText(document);
        List<Entity> entities = extractor.extract(text.text());
        if (!goldHasWeapons) {
            // Common weapon nouns ("guns") are not names; CoNLL gold has no place for them.
            entities = entities.stream().filter(e -> !"GENERIC".equals(e.subtype())).toList();
        }
        List<List<Span>> predicted = text.spans(entities, goldHasWeapons);
        for (int s = 0; s < document.sentences().size(); s++) {
            List<Span> gold = scoredGold(document.sentences().get(s).gold());
            all.score(gold, predicted.get(s));
            part.score(gold, predicted.get(s));
        }
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

    private static void printTable(PrintStream out, NerScorer scorer, boolean goldHasWeapons) {
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

    private static void addScores(ObjectNode root, NerScorer scorer, boolean goldHasWeapons) {
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
