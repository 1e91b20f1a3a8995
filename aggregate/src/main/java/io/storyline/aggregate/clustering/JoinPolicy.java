package io.storyline.aggregate.clustering;

import java.util.List;

/**
 * Decides, from an article's scored candidates (best first), which incident it joins and which others it proves
 * to be the same incident. The service uses {@link #thresholds}; the evaluation replaces it to record the
 * features of gold decisions when fitting the {@link JoinModel}.
 */
public interface JoinPolicy {

    /** A candidate incident (what comparisons read of it) with the article's features and score against it. */
    record Candidate(IncidentProfile incident, MatchFeatures features, double score) {
    }

    /**
     * @param join  the incident to join, or null to open a new one
     * @param merge other candidates to merge with the joined incident
     */
    record Decision(Candidate join, List<Candidate> merge) {
        static final Decision OPEN = new Decision(null, List.of());
    }

    Decision decide(ArticleFeatures article, List<Candidate> candidates);

    /**
     * Join the best candidate when it scores at least {@code join}; merge every other candidate scoring at least
     * {@code merge} into it (one article matching two incidents that strongly says they are one).
     */
    static JoinPolicy thresholds(double join, double merge) {
        return (article, candidates) -> {
            if (candidates.isEmpty() || candidates.get(0).score() < join) {
                return Decision.OPEN;
            }
            List<Candidate> merges = candidates.subList(1, candidates.size()).stream()
                    .filter(candidate -> candidate.score() >= merge)
                    .toList();
            return new Decision(candidates.get(0), merges);
        };
    }
}
