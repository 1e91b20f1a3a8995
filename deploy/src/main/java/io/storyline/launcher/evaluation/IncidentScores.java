package io.storyline.launcher.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores predicted incidents against gold labels the way {@code score-incidents} does (pairwise P/R/F1, the measure
 * of the news-stream clustering papers, and B-cubed), and finds the largest errors: predicted incidents that hold
 * several gold ones (false merges) and gold incidents spread over several predicted ones (splits). Gold articles
 * that no incident holds count as singletons and are reported as missing.
 */
public record IncidentScores(int articles, int goldIncidents, int predictedIncidents, int missingArticles,
                             double pairwisePrecision, double pairwiseRecall, double pairwiseF1,
                             double bcubedPrecision, double bcubedRecall, double bcubedF1,
                             List<Error> falseMerges, List<Error> splits) {

    /**
     * One error: the incident it is about and its parts, largest first.
     *
     * @param incident  a predicted incident (false merge) or a gold incident (split)
     * @param title     the predicted incident's title, or the title of the largest part of a gold incident
     * @param wrongPairs article pairs the error costs (false positives of a merge, false negatives of a split)
     * @param parts     the other side's incidents it is made of: id, size and a title
     */
    public record Error(String incident, String title, long wrongPairs, List<Part> parts) {
    }

    public record Part(String incident, int articles, String title) {
    }

    /**
     * @param gold      article id → gold incident
     * @param predicted article id → predicted incident (articles of the gold set only matter)
     * @param titles    article id → a title to show for it
     * @param limit     how many errors of each kind to list
     */
    public static IncidentScores of(Map<String, String> gold, Map<String, String> predicted,
                                    Map<String, String> titles, int limit) {
        Map<String, String> prediction = new HashMap<>();
        int missing = 0;
        for (String article : gold.keySet()) {
            String incident = predicted.get(article);
            if (incident == null) {
                missing++;
                incident = "missing:" + article;
            }
            prediction.put(article, incident);
        }
        Map<String, Map<String, List<String>>> byPredicted = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> byGold = new LinkedHashMap<>();
        for (String article : gold.keySet().stream().sorted().toList()) {
            String g = gold.get(article);
            String p = prediction.get(article);
            byPredicted.computeIfAbsent(p, k -> new LinkedHashMap<>()).computeIfAbsent(g, k -> new ArrayList<>())
                    .add(article);
            byGold.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(p, k -> new ArrayList<>())
                    .add(article);
        }
        long truePairs = 0;
        double bcubedPrecision = 0;
        double bcubedRecall = 0;
        Map<String, Integer> predictedSizes = sizes(byPredicted);
        Map<String, Integer> goldSizes = sizes(byGold);
        for (var incident : byPredicted.entrySet()) {
            for (var part : incident.getValue().entrySet()) {
                int overlap = part.getValue().size();
                truePairs += pairs(overlap);
                bcubedPrecision += (double) overlap * overlap / predictedSizes.get(incident.getKey());
                bcubedRecall += (double) overlap * overlap / goldSizes.get(part.getKey());
            }
        }
        long predictedPairs = predictedSizes.values().stream().mapToLong(IncidentScores::pairs).sum();
        long goldPairs = goldSizes.values().stream().mapToLong(IncidentScores::pairs).sum();
        double precision = predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
        double recall = goldPairs == 0 ? 1 : (double) truePairs / goldPairs;
        int n = gold.size();
        double bp = n == 0 ? 1 : bcubedPrecision / n;
        double br = n == 0 ? 1 : bcubedRecall / n;
        return new IncidentScores(n, goldSizes.size(), predictedSizes.size(), missing, precision, recall,
                f1(precision, recall), bp, br, f1(bp, br),
                errors(byPredicted, titles, limit), errors(byGold, titles, limit));
    }

    /** Incidents made of more than one incident of the other side, costliest first. */
    private static List<Error> errors(Map<String, Map<String, List<String>>> grouped, Map<String, String> titles,
                                      int limit) {
        List<Error> out = new ArrayList<>();
        for (var incident : grouped.entrySet()) {
            if (incident.getValue().size() < 2) {
                continue;
            }
            List<Part> parts = new ArrayList<>();
            long sum = 0;
            long sumOfSquares = 0;
            for (var part : incident.getValue().entrySet()) {
                int size = part.getValue().size();
                parts.add(new Part(part.getKey(), size, titles.getOrDefault(part.getValue().get(0), "")));
                sum += size;
                sumOfSquares += (long) size * size;
            }
            parts.sort(Comparator.comparingInt(Part::articles).reversed().thenComparing(Part::incident));
            long wrong = (sum * sum - sumOfSquares) / 2;
            out.add(new Error(incident.getKey(), parts.get(0).title(), wrong, List.copyOf(parts)));
        }
        out.sort(Comparator.comparingLong(Error::wrongPairs).reversed().thenComparing(Error::incident));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private static Map<String, Integer> sizes(Map<String, Map<String, List<String>>> grouped) {
        Map<String, Integer> out = new HashMap<>();
        grouped.forEach((id, parts) -> out.put(id, parts.values().stream().mapToInt(List::size).sum()));
        return out;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
