package io.storyline.aggregate.clustering;

/**
 * The engine's knobs. {@code io.storyline.aggregate.AggregateSettings} reads them from configuration and
 * documents each; {@link #defaults()} are the values chosen on the development data.
 *
 * @param joinThreshold          least {@link JoinModel} score for an article to join its best candidate incident
 * @param mergeThreshold         least score an article must reach with a second incident to merge it into the one
 *                               it joins
 * @param reprintSimilarity      least MinHash agreement (estimated share of shingles) of a reprint with its original
 * @param maxGapDays             an article further than this from every member's day does not join
 * @param maxAgeDays             an incident takes no article published more than this after its first one,
 *                               and retires then
 * @param retireAfterDays        an incident with no new article for this long retires
 * @param postingsLimit          index keys held by more active incidents than this are not used for retrieval
 * @param maxCandidates          at most this many candidates (those sharing the most key weight) are scored
 * @param indexTermsPerArticle   distinctive terms per article that go into the index besides entities
 * @param maxIncidentTerms       terms kept in an incident's profile
 * @param maxIncidentEntities    compared entities kept in an incident's profile
 * @param corroborationThreshold independent sources at which an incident is {@code CORROBORATED}
 * @param rankedEntities         entities listed on a published incident
 */
public record ClusteringParameters(
        double joinThreshold,
        double mergeThreshold,
        double reprintSimilarity,
        double maxGapDays,
        double maxAgeDays,
        double retireAfterDays,
        int postingsLimit,
        int maxCandidates,
        int indexTermsPerArticle,
        int maxIncidentTerms,
        int maxIncidentEntities,
        int corroborationThreshold,
        int rankedEntities) {

    public static ClusteringParameters defaults() {
        return new ClusteringParameters(0.5, 3.0, 0.8, 30, 60, 30, 200, 4, 10, 400, 100, 2, 20);
    }
}
