package io.storyline.aggregate.clustering;

/**
 * How an article compares with one candidate incident: the inputs of the {@link JoinModel}.
 *
 * @param termCosine     TF-IDF cosine of the article's terms and the incident's term profile
 * @param entityCosine   cosine of IDF-weighted entity vectors (article: mentioned; incident: members mentioning)
 * @param personOverlap  IDF mass of the people the article shares with the incident, capped, in [0, 1]
 * @param personConflict both name people and share none: reports of one event name its people alike
 * @param placeOverlap   IDF mass of the places the article shares with the incident, capped, in [0, 1]
 * @param placeConflict  both name places and share none: contradicting evidence, not just missing evidence
 * @param localConflict  both name places the gazetteer does not know (streets, neighbourhoods, towns) and share
 *                       none: two events of one city told with the same words happen in different streets
 * @param regionConflict both name regions (states, provinces) and share none
 * @param sameEventDate  the article's event date is the incident's most common one, weighted by how rare that date
 *                       is among the active incidents (its IDF over the IDF of a date no incident has), in [0, 1]:
 *                       on a busy news day, or a dense stream of one kind of news, a shared date says less
 * @param nextEventDate  they are one day apart (time zones, "late Saturday", reports the morning after)
 * @param otherEventDate they are three or more days apart
 * @param newestDistance log(1 + days between the article and the incident's newest member)
 * @param oldestDistance log(1 + days between the article and the incident's oldest member)
 */
public record MatchFeatures(
        double termCosine,
        double entityCosine,
        double personOverlap,
        double personConflict,
        double placeOverlap,
        double placeConflict,
        double localConflict,
        double regionConflict,
        double sameEventDate,
        double nextEventDate,
        double otherEventDate,
        double newestDistance,
        double oldestDistance) {

    public static final String[] NAMES = {"term_cosine", "entity_cosine", "person_overlap", "person_conflict", "place_overlap",
            "place_conflict", "local_conflict", "region_conflict", "same_event_date", "next_event_date", "other_event_date", "newest_distance", "oldest_distance"};

    public double[] values() {
        return new double[] {termCosine, entityCosine, personOverlap, personConflict, placeOverlap, placeConflict, localConflict,
                regionConflict, sameEventDate,
                nextEventDate, otherEventDate, newestDistance, oldestDistance};
    }
}
