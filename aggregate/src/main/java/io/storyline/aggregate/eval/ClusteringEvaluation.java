package io.storyline.aggregate.eval;

import io.storyline.aggregate.AggregateSettings;
import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.aggregate.clustering.ClusteringEngine;
import io.storyline.aggregate.clustering.ClusteringParameters;
import io.storyline.aggregate.clustering.ClusteringState;
import io.storyline.aggregate.clustering.Emission;
import io.storyline.aggregate.clustering.JoinModel;
import io.storyline.aggregate.clustering.JoinPolicy;
import io.storyline.aggregate.clustering.MatchFeatures;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Runs the clustering engine offline, in-process, article by article in file order, over enriched articles (JSON
 * lines as on {@code news.enriched}) and writes the final incidents as JSON lines, the form
 * {@code score-incidents} reads: the fast loop for tuning, without Kafka.
 *
 * <pre>
 * usage: ClusteringEvaluation ENRICHED.jsonl [--output INCIDENTS.jsonl] [--gold GOLD.tsv]
 *                             [--set NAME=VALUE]... [--sweep NAME=V1,V2,...] [--fit] [--weights W1,...,BIAS]
 *                             [--shuffle N]
 *   --set    a storyline.aggregate.NAME setting for this run (see AggregateSettings)
 *   --sweep  scores every value of one setting (needs --gold)
 *   --fit      fits the join model's weights on the gold decisions (needs --gold) and prints them
 *   --examples with --fit, also writes the candidates it fitted on as TSV (article, candidate's gold incident,
 *              whether it is the article's, the features), for analysis outside the engine
 *   --weights  runs with these join model weights instead of the built-in ones
 *   --shuffle  also scores N orders with each day's articles shuffled (same-day arrival order is arbitrary)
 * </pre>
 */
public final class ClusteringEvaluation {

    /** Record times of the offline run: one millisecond apart, in file order, as a fast publisher gives. */
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ClusteringEvaluation() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        Path input = null;
        Path output = null;
        Path gold = null;
        String sweep = null;
        boolean fit = false;
        Path examplesFile = null;
        String weights = null;
        int shuffles = 0;
        Map<String, String> settings = new TreeMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--output" -> output = Path.of(value(args, ++i));
                    case "--gold" -> gold = Path.of(value(args, ++i));
                    case "--set" -> {
                        String[] pair = assignment(value(args, ++i));
                        settings.put(AggregateSettings.PREFIX + pair[0], pair[1]);
                    }
                    case "--sweep" -> sweep = value(args, ++i);
                    case "--fit" -> fit = true;
                    case "--examples" -> examplesFile = Path.of(value(args, ++i));
                    case "--weights" -> weights = value(args, ++i);
                    case "--shuffle" -> shuffles = Integer.parseInt(value(args, ++i));
                    default -> {
                        if (args[i].startsWith("--") || input != null) {
                            throw new ConfigException("unexpected argument " + args[i]);
                        }
                        input = Path.of(args[i]);
                    }
                }
            }
            if (input == null) {
                throw new ConfigException("usage: ClusteringEvaluation ENRICHED.jsonl [--output INCIDENTS.jsonl]"
                        + " [--gold GOLD.tsv] [--set NAME=VALUE]... [--sweep NAME=V1,V2,...] [--fit]");
            }
            if ((sweep != null || fit || shuffles > 0) && gold == null) {
                throw new ConfigException("--sweep, --fit and --shuffle need --gold");
            }
            List<EnrichedArticle> articles = readArticles(input);

            Map<String, String> labels = gold == null ? null : readGold(gold);
            ClusteringParameters parameters = parameters(settings);
            JoinModel model = weights == null ? JoinModel.defaults() : model(weights);
            if (fit) {
                model = fit(articles, labels, parameters, out, examplesFile);
                out.println("fitted " + model);
            }
            if (sweep != null) {
                String[] pair = assignment(sweep);
                for (String value : pair[1].split(",")) {
                    Map<String, String> tried = new TreeMap<>(settings);
                    tried.put(AggregateSettings.PREFIX + pair[0], value.trim());
                    out.printf("%s=%-8s %s%n", pair[0], value.trim(),
                            score(articles, parameters(tried), model, labels, shuffles));
                }
            }
            Map<String, Incident> incidents = cluster(articles, parameters, model);
            if (output != null) {
                write(incidents, output);
            }
            if (shuffles > 0) {
                out.printf("same-day order shuffled %d times: %s%n", shuffles,
                        score(articles, parameters, model, labels, shuffles));
            }
            out.printf("%d articles -> %d incidents%s%n", articles.size(), incidents.size(),
                    labels == null ? "" : "; " + PairwiseScore.of(labels, membership(incidents)));
            return 0;
        } catch (ConfigException e) {
            out.println(e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            out.println("no such file: " + e.getFile());
            return 1;
        } catch (IOException | SerializationException e) {
            out.println("cannot read or write: " + e.getMessage());
            return 1;
        }
    }

    /** {@code w1,...,wN,bias} in the order of {@link MatchFeatures#NAMES}. */
    private static JoinModel model(String weights) {
        try {
            double[] values = Arrays.stream(weights.split(",")).mapToDouble(Double::parseDouble).toArray();
            return new JoinModel(Arrays.copyOf(values, values.length - 1), values[values.length - 1]);
        } catch (RuntimeException e) {
            throw new ConfigException("--weights needs " + (MatchFeatures.NAMES.length
                    + 1) + " numbers separated by commas (the weights, then the bias)");
        }
    }

    private static ClusteringParameters parameters(Map<String, String> settings) {
        return AggregateSettings.from(StorylineConfig.of(settings)).clustering();
    }

    /**
     * Scores the articles in file order, or, with {@code shuffles > 0}, in that many orders where articles of the
     * same publication date are shuffled (their arrival order is arbitrary): the mean and the worst.
     */
    static String score(List<EnrichedArticle> articles, ClusteringParameters parameters, JoinModel model,
                        Map<String, String> labels, int shuffles) {
        if (shuffles <= 0) {
            return PairwiseScore.of(labels, membership(cluster(articles, parameters, model))).toString();
        }
        List<PairwiseScore> scores = new ArrayList<>();
        for (int seed = 1; seed <= shuffles; seed++) {
            scores.add(PairwiseScore.of(labels, membership(cluster(shuffledWithinDays(articles, seed), parameters,
                    model))));
        }
        return String.format("mean P %.4f R %.4f F1 %.4f; worst F1 %.4f (P %.4f)",
                scores.stream().mapToDouble(PairwiseScore::precision).average().orElse(0),
                scores.stream().mapToDouble(PairwiseScore::recall).average().orElse(0),
                scores.stream().mapToDouble(PairwiseScore::f1).average().orElse(0),
                scores.stream().mapToDouble(PairwiseScore::f1).min().orElse(0),
                scores.stream().min(Comparator.comparingDouble(PairwiseScore::f1)).orElseThrow()
                        .precision());
    }

    static List<EnrichedArticle> shuffledWithinDays(List<EnrichedArticle> articles, long seed) {
        Random random = new java.util.Random(seed);
        List<EnrichedArticle> out = new ArrayList<>();
        int start = 0;
        while (start < articles.size()) {
            String day = String.valueOf(articles.get(start).article().publishedDate());
            int end = start;
            while (end < articles.size() && day.equals(String.valueOf(articles.get(end).article().publishedDate()))) {
                end++;
            }
            List<EnrichedArticle> sameDay = new ArrayList<>(articles.subList(start, end));
            Collections.shuffle(sameDay, random);
            out.addAll(sameDay);
            start = end;
        }
        return out;
    }

    /** The final incidents after every article in order; tombstoned and merged-away incidents are gone. */
    public static Map<String, Incident> cluster(List<EnrichedArticle> articles, ClusteringParameters parameters,
                                                JoinModel model) {
        ClusteringEngine engine = new ClusteringEngine(parameters, model,
                JoinPolicy.thresholds(parameters.joinThreshold(), parameters.mergeThreshold()),
                ClusteringState.inMemory());
        return replay(engine, articles);
    }

    static Map<String, Incident> replay(ClusteringEngine engine, List<EnrichedArticle> articles) {
        Map<String, Incident> incidents = new LinkedHashMap<>();
        long timestamp = START.toEpochMilli();
        for (EnrichedArticle article : articles) {
            for (Emission emission : engine.accept(ArticleFeatures.of(article, timestamp++))) {
                if (emission instanceof Emission.IncidentRecord record) {
                    if (record.incident() == null || record.incident().mergedInto() != null) {
                        incidents.remove(record.incidentId());
                    } else {
                        incidents.put(record.incidentId(), record.incident());
                    }
                }
            }
        }
        return incidents;
    }

    /**
     * Replays the articles with the gold decisions (an article joins the incident of its gold label if one is a
     * candidate) and fits the model on every candidate's features, labelled by whether it was the gold one.
     */
    static JoinModel fit(List<EnrichedArticle> articles, Map<String, String> labels, ClusteringParameters parameters,
                         PrintStream out, Path examplesFile) throws IOException {
        List<LogisticFit.Example> examples = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        rows.add("article\tcandidate\tsame\tscore\t" + String.join("\t", MatchFeatures.NAMES));
        // An incident's id names the article that opened it; the oracle never merges, so that article stays its
        // first member, whose label is the incident's.
        Map<String, String> labelOfIncident = new HashMap<>();
        labels.forEach((articleId, label) -> labelOfIncident.put(ClusteringEngine.incidentIdFor(articleId), label));
        JoinPolicy oracle = (article, candidates) -> {
            String label = labels.get(article.id());
            JoinPolicy.Candidate chosen = null;
            for (JoinPolicy.Candidate candidate : candidates) {
                boolean same = label != null && label.equals(labelOfIncident.get(candidate.incident().id()));
                examples.add(new LogisticFit.Example(candidate.features().values(), same));
                StringBuilder row = new StringBuilder(article.id()).append('\t')
                        .append(labelOfIncident.get(candidate.incident().id())).append('\t').append(same ? 1 : 0)
                        .append('\t').append(candidate.score());
                for (double value : candidate.features().values()) {
                    row.append('\t').append(value);
                }
                rows.add(row.toString());
                if (same && chosen == null) {
                    chosen = candidate;
                }
            }
            return new JoinPolicy.Decision(chosen, List.of());
        };
        Map<String, Incident> best = replay(new ClusteringEngine(parameters, JoinModel.defaults(), oracle,
                ClusteringState.inMemory()), articles);
        out.println("gold decisions among the retrieved candidates (the ceiling): "
                + PairwiseScore.of(labels, membership(best)));
        if (examplesFile != null) {
            Files.write(examplesFile, rows, StandardCharsets.UTF_8);
        }
        return LogisticFit.fit(examples);
    }

    static Map<String, String> membership(Map<String, Incident> incidents) {
        Map<String, String> out = new HashMap<>();
        incidents.values().forEach(incident -> incident.articleIds().forEach(id -> out.put(id, incident.incidentId())));
        return out;
    }

    static List<EnrichedArticle> readArticles(Path input) throws IOException {
        List<EnrichedArticle> out = new ArrayList<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Topics.ENRICHED_SERDE.fromBytes(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    static Map<String, String> readGold(Path gold) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            if (parts.length == 2) {
                out.put(parts[0].trim(), parts[1].trim());
            }
        }
        return out;
    }

    private static void write(Map<String, Incident> incidents, Path output) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (Incident incident : incidents.values()) {
                writer.write(Json.mapper().writeValueAsString(incident));
                writer.newLine();
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new ConfigException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static String[] assignment(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new ConfigException("expected NAME=VALUE, not " + text);
        }
        return new String[] {text.substring(0, equals).trim(), text.substring(equals + 1).trim()};
    }
}
