package io.storyline.aggregate.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against gold labels (the measure of the news stream
 * clustering papers): a pair of articles counts when both put it in one incident. Articles missing from the
 * prediction count as singletons.
 */
public record PairwiseScore(double precision, double recall, double f1, int predictedIncidents) {

    public static PairwiseScore of(Map<String, String> gold, Map<String, String> predicted) {
        Map<String, Integer> goldSizes = new HashMap<>();
        Map<String, Integer> predictedSizes = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (var entry : gold.entrySet()) {
            String incident = predicted.getOrDefault(entry.getKey(), "missing:" + entry.getKey());
            goldSizes.merge(entry.getValue(), 1, Integer::sum);
            predictedSizes.merge(incident, 1, Integer::sum);
            both.merge(entry.getValue() + "\u0000" + incident, 1, Integer::sum);
        }
        long truePairs = pairs(both);
        long predictedPairs = pairs(predictedSizes);
        long goldPairs = pairs(goldSizes);
        double precision = predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
        double recall = goldPairs == 0 ? 1 : (double) truePairs / goldPairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PairwiseScore(precision, recall, f1, predictedSizes.size());
    }

    private static long pairs(Map<String, Integer> sizes) {
        return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }

    @Override
    public String toString() {
        return String.format("pairwise P %.4f R %.4f F1 %.4f, %d incidents", precision, recall, f1,
                predictedIncidents);
    }
}
