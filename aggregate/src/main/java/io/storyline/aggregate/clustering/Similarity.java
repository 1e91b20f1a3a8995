package io.storyline.aggregate.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How alike an article and an incident are, and which index keys find the incidents worth comparing. */
final class Similarity {

    private final ClusteringParameters parameters;
    private final TermStatistics statistics;

    Similarity(ClusteringParameters parameters, TermStatistics statistics) {
        this.parameters = parameters;
        this.statistics = statistics;
    }

    /** An article's TF-IDF vector, weighted against the active incidents at the time it arrives. */
    record ArticleVector(Map<String, Double> weights, double norm, long incidents) {

        List<String> distinctiveTerms(int limit) {
            return weights.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    ArticleVector vector(ArticleFeatures article) {
        long incidents = statistics.incidents();
        Map<String, Double> weights = new HashMap<>();
        double sum = 0;
        for (var term : article.terms().entrySet()) {
            double weight = (1 + Math.log(term.getValue())) * statistics.idf(term.getKey(), incidents);
            weights.put(term.getKey(), weight);
            sum += weight * weight;
        }
        return new ArticleVector(weights, Math.sqrt(sum), incidents);
    }

    /** Index keys of an article: its entities and its most distinctive terms. */
    static List<String> indexKeys(ArticleFeatures article, List<String> distinctiveTerms) {
        List<String> keys = new ArrayList<>();
        for (String entity : article.entities().keySet()) {
            keys.add(entityIndexKey(entity));
        }
        for (String term : distinctiveTerms) {
            keys.add(termIndexKey(term));
        }
        return keys;
    }

    /** What to look up for an article, with how much a shared key says. */
    Map<String, Double> retrievalKeys(ArticleFeatures article, ArticleVector vector) {
        Map<String, Double> keys = new LinkedHashMap<>();
        for (String entity : article.entities().keySet()) {
            keys.merge(entityIndexKey(entity), 1.0, Math::max);
        }
        for (String term : vector.distinctiveTerms(parameters.indexTermsPerArticle())) {
            keys.merge(termIndexKey(term), vector.weights().get(term) / Math.max(vector.norm(), 1e-9), Math::max);
        }
        return keys;
    }

    double score(ArticleFeatures article, ArticleVector vector, IncidentState incident) {
        return cosine(vector, incident) * timeAffinity(article.day(), incident);
    }

    double cosine(ArticleVector vector, IncidentState incident) {
        double dot = 0;
        double norm = 0;
        for (var term : incident.terms.entrySet()) {
            double weight = (1 + Math.log(term.getValue())) * statistics.idf(term.getKey(), vector.incidents());
            norm += weight * weight;
            Double articleWeight = vector.weights().get(term.getKey());
            if (articleWeight != null) {
                dot += weight * articleWeight;
            }
        }
        return dot == 0 ? 0 : dot / (Math.sqrt(norm) * vector.norm());
    }

    /** 1 inside the incident's span of days, falling as a Gaussian (sigma 3 days) outside it. */
    static double timeAffinity(double day, IncidentState incident) {
        double distance = day < incident.firstDay ? incident.firstDay - day
                : day > incident.lastDay ? day - incident.lastDay : 0;
        return Math.exp(-distance * distance / (2 * 3.0 * 3.0));
    }

    static String entityIndexKey(String entityKey) {
        return "e:" + ArticleFeatures.matchKey(entityKey);
    }

    static String termIndexKey(String term) {
        return "t:" + term;
    }
}
