package io.storyline.aggregate.clustering;

import io.storyline.common.article.EntityType;
import io.storyline.common.text.Accents;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares articles with incidents: the article's weighted vectors, the {@link MatchFeatures} against one
 * incident, and the index keys under which an article finds its candidates.
 */
final class Similarity {

    /** Entity types that name who and where; weapons and nationalities recur across unrelated events. */
    static final Set<String> COMPARED_TYPES = Set.of(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION);

    /** IDF mass of shared names at which the overlap features saturate (a few distinctive names). */
    private static final double OVERLAP_SATURATION = 15;

    private static final String PERSON_KEY = "e:" + EntityType.PERSON.toLowerCase(Locale.ROOT) + "|";
    private static final String PLACE_KEY = "e:" + EntityType.LOCATION.toLowerCase(Locale.ROOT) + "|";

    private final TermStatistics statistics;

    Similarity(TermStatistics statistics) {
        this.statistics = statistics;
    }

    /**
     * An article's vectors, weighted against the active incidents at the time it arrives.
     *
     * @param terms    term key ({@link #termKey}) to TF-IDF weight
     * @param entities entity key ({@link #entityKey}) to IDF weight, compared types only
     */
    record ArticleVector(Map<String, Double> terms, double termNorm, Map<String, Double> entities,
                         double entityNorm) {

        /** The article's highest-weighted term keys. */
        List<String> distinctiveTerms(int limit) {
            return terms.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    ArticleVector vector(ArticleFeatures article) {
        long incidents = statistics.incidents();
        Map<String, Double> terms = new HashMap<>();
        double termSum = 0;
        for (var term : article.terms().entrySet()) {
            String key = termKey(term.getKey());
            double weight = (1 + Math.log(term.getValue())) * statistics.idf(key, incidents);
            terms.put(key, weight);
            termSum += weight * weight;
        }
        Map<String, Double> entities = new LinkedHashMap<>();
        double entitySum = 0;
        for (String entity : article.entities().keySet()) {
            String key = entityKey(entity);
            if (key != null && !entities.containsKey(key)) {
                double weight = statistics.idf(key, incidents);
                entities.put(key, weight);
                entitySum += weight * weight;
            }
        }
        return new ArticleVector(terms, Math.sqrt(termSum), entities, Math.sqrt(entitySum));
    }

    MatchFeatures features(ArticleFeatures article, ArticleVector vector, IncidentProfile incident) {
        double termDot = 0;
        for (var term : vector.terms().entrySet()) {
            termDot += incident.termWeight(term.getKey()) * term.getValue();
        }
        double entityDot = 0;
        double people = 0;
        double places = 0;
        boolean articlePlaces = false;
        boolean articlePeople = false;
        for (var entity : vector.entities().entrySet()) {
            articlePlaces |= entity.getKey().startsWith(PLACE_KEY);
            articlePeople |= entity.getKey().startsWith(PERSON_KEY);
            Double weight = incident.entityWeights.get(entity.getKey());
            if (weight != null) {
                entityDot += weight * entity.getValue();
                if (entity.getKey().startsWith(PERSON_KEY)) {
                    people += entity.getValue();
                } else if (entity.getKey().startsWith(PLACE_KEY)) {
                    places += entity.getValue();
                }
            }
        }
        boolean incidentPlaces = hasKeyStartingWith(incident, PLACE_KEY);
        boolean incidentPeople = hasKeyStartingWith(incident, PERSON_KEY);
        String modalDate = incident.modalEventDate();
        Long dateDistance = eventDateDistance(article.eventDate(), modalDate);
        return new MatchFeatures(cosine(termDot, incident.termNorm, vector.termNorm()),
                cosine(entityDot, incident.entityNorm, vector.entityNorm()),
                Math.min(people, OVERLAP_SATURATION) / OVERLAP_SATURATION,
                articlePeople && incidentPeople && people == 0 ? 1 : 0,
                Math.min(places, OVERLAP_SATURATION) / OVERLAP_SATURATION,
                articlePlaces && incidentPlaces && places == 0 ? 1 : 0,
                conflict(article.localPlaces(), incident.localPlaces),
                conflict(article.regions(), incident.regions),
                dateDistance != null && dateDistance == 0 ? dateSpecificity(modalDate) : 0,
                dateDistance != null && dateDistance == 1 ? 1 : 0,
                dateDistance != null && dateDistance >= 3 ? 1 : 0,
                Math.log1p(Math.abs(article.day() - incident.lastDay)),
                Math.log1p(Math.abs(article.day() - incident.firstDay)));
    }

    private static boolean hasKeyStartingWith(IncidentProfile incident, String prefix) {
        String first = incident.entityWeights.ceilingKey(prefix);
        return first != null && first.startsWith(prefix);
    }

    /** 1 when both name some of a kind of place and share none of them, else 0. */
    private static double conflict(List<String> article, Map<String, Integer> incident) {
        if (article.isEmpty() || incident.isEmpty()) {
            return 0;
        }
        for (String place : article) {
            if (incident.containsKey(place)) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * How much sharing this event date says: its IDF among the active incidents, relative to that of a date none
     * has; near 1 for a quiet day, near 0 when every active incident happened that day.
     */
    private double dateSpecificity(String date) {
        long incidents = statistics.incidents();
        double rarest = Math.log(incidents + TermStatistics.PRIOR_INCIDENTS);
        return rarest <= 0 ? 0 : Math.max(0, statistics.idf(dateKey(date), incidents)) / rarest;
    }

    /** The statistics key counting the active incidents that give a day as an event date. */
    static String dateKey(String date) {
        return "d:" + date;
    }

    /**
     * The article's places all lie in other countries than the incident's: one event does not happen in two
     * countries that share no mention, however alike the reports read (two ferry groundings a week apart in
     * different countries are told with the same words). Articles or incidents without a located place are never
     * elsewhere. A rule rather than a model feature: the development data (one country) cannot fit its weight.
     */
    static boolean elsewhere(ArticleFeatures article, IncidentProfile incident) {
        if (article.countries().isEmpty() || incident.countries.isEmpty()) {
            return false;
        }
        for (String country : article.countries()) {
            if (incident.countries.containsKey(country)) {
                return false;
            }
        }
        return true;
    }

    private static double cosine(double dot, double norm, double otherNorm) {
        return dot == 0 || norm == 0 || otherNorm == 0 ? 0 : Math.min(1, dot / (norm * otherNorm));
    }

    /** Days between two day-precise dates; null when either is missing or less precise than a day. */
    static Long eventDateDistance(String a, String b) {
        if (a == null || b == null || a.length() != 10 || b.length() != 10) {
            return null;
        }
        try {
            return Math.abs(LocalDate.parse(a).toEpochDay() - LocalDate.parse(b).toEpochDay());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Index keys of an article: its compared entities and its most distinctive terms. */
    static List<String> indexKeys(ArticleVector vector, int distinctiveTerms) {
        List<String> keys = new ArrayList<>(vector.entities().keySet());
        keys.addAll(vector.distinctiveTerms(distinctiveTerms));
        return keys;
    }

    /** What to look up for an article, with how much a shared key says: its weight in the article's vector. */
    static Map<String, Double> retrievalKeys(ArticleVector vector, int distinctiveTerms) {
        Map<String, Double> keys = new LinkedHashMap<>();
        vector.entities().forEach((key, weight) -> keys.put(key, weight / Math.max(vector.entityNorm(), 1e-9)));
        for (String key : vector.distinctiveTerms(distinctiveTerms)) {
            keys.put(key, vector.terms().get(key) / Math.max(vector.termNorm(), 1e-9));
        }
        return keys;
    }

    static String termKey(String term) {
        return "t:" + term;
    }

    /**
     * {@code e:} and the entity key as compared, for compared types; null for other types. Neither case nor
     * accents count: one language's reports write "Martín Fuentes" where another's write "Martin Fuentes".
     * (Persons stay compared by full name: by surname alone, local reports of unrelated shootings in two cities
     * join on a common surname; measured on gva-dev, pairwise precision fell from 0.956 to 0.915.)
     */
    static String entityKey(String entityKey) {
        String type = ArticleFeatures.typeOf(entityKey);
        if (!COMPARED_TYPES.contains(type)) {
            return null;
        }
        return "e:" + type.toLowerCase(Locale.ROOT) + "|"
                + Accents.strip(ArticleFeatures.matchKey(ArticleFeatures.nameOf(entityKey)));
    }
}
