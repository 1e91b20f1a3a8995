package io.storyline.aggregate.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bookkeeping of the active incidents: every change to an incident goes through here, so its term
 * statistics, index postings, reprint entries, member records and retirement date always agree with it.
 */
final class ActiveIncidents {

    /** Below this a centroid weight is what is left of subtracting equal sums: zero. */
    private static final double WEIGHT_EPSILON = 1e-9;

    private final ClusteringParameters parameters;
    private final ClusteringState state;
    private final TermStatistics statistics;
    private final CandidateIndex index;
    private final ReprintIndex reprints;
    private final RetirementSchedule schedule;
    private final Similarity similarity;

    ActiveIncidents(ClusteringParameters parameters, ClusteringState state) {
        this.parameters = parameters;
        this.state = state;
        this.statistics = new TermStatistics(state.statistics());
        this.index = new CandidateIndex(state.postings(), parameters.postingsLimit());
        this.reprints = new ReprintIndex(state.reprints(), parameters.reprintSimilarity(), articleId -> {
            MemberArticle member = state.articles().get(articleId);
            return member == null ? null : member.minhash();
        });
        this.schedule = new RetirementSchedule(state.schedule());
        this.similarity = new Similarity(statistics);
    }

    Similarity similarity() {
        return similarity;
    }

    TermStatistics statistics() {
        return statistics;
    }

    /** The whole incident, its profile attached; null if it is not active. */
    IncidentState incident(String id) {
        IncidentState incident = state.incidents().get(id);
        if (incident != null) {
            IncidentProfile profile = state.profiles().get(id);
            incident.profile = profile != null ? profile : incident.inlineProfile();
        }
        return incident;
    }

    /** The whole incident a candidate's profile belongs to, the profile already read for the comparison attached. */
    IncidentState incident(IncidentProfile profile) {
        IncidentState incident = state.incidents().get(profile.id());
        if (incident != null) {
            incident.profile = profile;
        }
        return incident;
    }

    /** What comparisons need of an incident, without its record; null if it is not active. */
    IncidentProfile profile(String id) {
        IncidentProfile profile = state.profiles().get(id);
        if (profile == null) {
            // State of an older version: the profile is still inline in the record, until the incident changes.
            IncidentState incident = state.incidents().get(id);
            return incident == null ? null : incident.inlineProfile();
        }
        return profile;
    }

    MemberArticle member(String articleId) {
        return state.articles().get(articleId);
    }

    /** The active original that {@code article} reprints, or null. */
    MemberArticle reprinted(ArticleFeatures article) {
        if (!MinHash.present(article.minhash())) {
            return null;
        }
        String nearest = reprints.nearest(article.minhash(), article.id());
        MemberArticle found = nearest == null ? null : member(nearest);
        return found != null && found.isDuplicate() ? member(found.duplicateOf()) : found;
    }

    /** Ids of incidents sharing selective index keys with the article, with the weight they share. */
    Map<String, Double> lookup(Similarity.ArticleVector vector) {
        return index.lookup(Similarity.retrievalKeys(vector, parameters.indexTermsPerArticle()));
    }

    List<String> dueBefore(double day, int limit) {
        return schedule.dueBefore(day, limit);
    }

    IncidentState open(String id, ArticleFeatures article, Similarity.ArticleVector vector) {
        IncidentState incident = new IncidentState(id);
        incident.title = article.title();
        incident.headlineTitle = article.headline();
        incident.englishTitle = englishHeadline(article);
        incident.firstSeen = article.timestamp();
        incident.lastUpdated = article.timestamp();
        incident.profile.firstDay = article.day();
        incident.profile.lastDay = article.day();
        statistics.incidentOpened();
        change(incident, false, () -> addOriginal(incident, article, vector));
        return incident;
    }

    void join(IncidentState incident, ArticleFeatures article, Similarity.ArticleVector vector) {
        change(incident, true, () -> {
            touch(incident, article);
            addOriginal(incident, article, vector);
            offerTitle(incident, article.title(), article.headline(), englishHeadline(article));
        });
    }

    /**
     * A headline replaces a lead sentence, and an English headline any title that is not one; otherwise the
     * incident keeps its title.
     */
    private static void offerTitle(IncidentState incident, String title, boolean headline, boolean english) {
        if ((headline && !incident.headlineTitle) || (english && !incident.englishTitle)) {
            incident.title = title;
            incident.headlineTitle = headline;
            incident.englishTitle = english;
        }
    }

    private static boolean englishHeadline(ArticleFeatures article) {
        return article.headline() && ArticleFeatures.TITLE_LANGUAGE.equals(article.language());
    }

    void addReprint(IncidentState incident, ArticleFeatures article, MemberArticle original) {
        change(incident, true, () -> {
            incident.lastUpdated = Math.max(incident.lastUpdated, article.timestamp());
            incident.articleIds.add(article.id());
            incident.duplicates.put(article.id(), original.id());
            remember(article, incident.id, original.id(), null, List.of());
        });
    }

    /** A corrected article replaces what its earlier version contributed; it stays in its incident. */
    void correct(IncidentState incident, MemberArticle known, ArticleFeatures article,
                 Similarity.ArticleVector vector) {
        change(incident, true, () -> {
            if (MinHash.present(known.minhash())) {
                reprints.remove(known.minhash(), known.id());
            }
            incident.lastUpdated = Math.max(incident.lastUpdated, article.timestamp());
            if (known.isDuplicate()) {
                remember(article, incident.id, known.duplicateOf(), null, List.of());
            } else {
                removeContribution(incident, known);
                addOriginal(incident, article, vector);
                boolean opener = incident.articleIds.get(0).equals(article.id());
                if (opener && !incident.englishTitle && (article.headline() || !incident.headlineTitle)) {
                    incident.title = article.title();
                    incident.headlineTitle = article.headline();
                    incident.englishTitle = englishHeadline(article);
                }
            }
        });
    }

    /** Moves everything of {@code loser} into {@code survivor} and forgets the loser. */
    void absorb(IncidentState survivor, IncidentState loser) {
        List<MemberArticle> members = loser.articleIds.stream().map(this::member).filter(Objects::nonNull).toList();
        forget(loser);
        change(survivor, true, () -> {
            offerTitle(survivor, loser.title, loser.headlineTitle, loser.englishTitle);
            loser.languages.forEach((language, count) -> survivor.languages.merge(language, count, Integer::sum));
            survivor.firstSeen = Math.min(survivor.firstSeen, loser.firstSeen);
            survivor.lastUpdated = Math.max(survivor.lastUpdated, loser.lastUpdated);
            survivor.profile.firstDay = Math.min(survivor.profile.firstDay, loser.profile.firstDay);
            survivor.profile.lastDay = Math.max(survivor.profile.lastDay, loser.profile.lastDay);
            survivor.articleIds.addAll(loser.articleIds);
            survivor.duplicates.putAll(loser.duplicates);
            loser.sources.forEach((source, count) -> survivor.sources.merge(source, count, Integer::sum));
            IncidentProfile into = survivor.profile;
            IncidentProfile from = loser.profile;
            from.terms().forEach((term, weight) -> into.terms().merge(term, weight, Double::sum));
            loser.entities.forEach((entity, count) -> survivor.entities.merge(entity, count, Integer::sum));
            from.entityWeights.forEach((entity, weight) -> into.entityWeights.merge(entity, weight, Double::sum));
            prune(into.entityWeights, parameters.maxIncidentEntities());
            from.eventDates.forEach((date, count) -> into.eventDates.merge(date, count, Integer::sum));
            from.countries.forEach((country, count) -> into.countries.merge(country, count, Integer::sum));
            survivor.facts.absorb(loser.facts);
            from.regions.forEach((region, count) -> into.regions.merge(region, count, Integer::sum));
            from.localPlaces.forEach((place, count) -> into.localPlaces.merge(place, count, Integer::sum));
            pruneCounts(into.localPlaces, parameters.maxIncidentEntities());
            pruneTerms(survivor);
            for (MemberArticle member : members) {
                member.indexTerms().forEach(key -> index.add(key, survivor.id));
                state.articles().put(member.id(), member.movedTo(survivor.id));
                if (MinHash.present(member.minhash())) {
                    reprints.add(member.minhash(), member.id());
                }
            }
        });
    }

    /** Removes an incident and everything that points at it from the state. */
    void forget(IncidentState incident) {
        schedule.cancel(incident.id, dueDay(incident));
        for (String articleId : incident.articleIds) {
            MemberArticle member = member(articleId);
            if (member != null) {
                index.removeAll(member.indexTerms(), incident.id);
                if (MinHash.present(member.minhash())) {
                    reprints.remove(member.minhash(), articleId);
                }
                state.articles().delete(articleId);
            }
        }
        statistics.removed(profileKeys(incident));
        statistics.incidentClosed();
        state.incidents().delete(incident.id);
        state.profiles().delete(incident.id);
    }

    /** Stores a change of the incident's record alone (its profile unchanged). */
    void saveRecord(IncidentState incident) {
        state.incidents().put(incident.id, incident);
    }

    // --- internals --------------------------------------------------------------------------------------------

    /**
     * Applies {@code mutation} to an incident, then brings the statistics and the retirement schedule up to date
     * and stores it. {@code existing}: whether the incident already has statistics and a schedule entry.
     */
    private void change(IncidentState incident, boolean existing, Runnable mutation) {
        Set<String> before = existing ? profileKeys(incident) : Set.of();
        double dueBefore = dueDay(incident);
        mutation.run();
        Set<String> after = profileKeys(incident);
        statistics.added(after.stream().filter(key -> !before.contains(key)).toList());
        statistics.removed(before.stream().filter(key -> !after.contains(key)).toList());
        if (existing) {
            schedule.cancel(incident.id, dueBefore);
        }
        schedule.schedule(incident.id, dueDay(incident));
        incident.profile.settle();
        saveRecord(incident);
        state.profiles().put(incident.id, incident.profile);
    }

    private static void touch(IncidentState incident, ArticleFeatures article) {
        incident.lastUpdated = Math.max(incident.lastUpdated, article.timestamp());
        incident.firstSeen = Math.min(incident.firstSeen, article.timestamp());
        incident.profile.firstDay = Math.min(incident.profile.firstDay, article.day());
        incident.profile.lastDay = Math.max(incident.profile.lastDay, article.day());
    }

    private void addOriginal(IncidentState incident, ArticleFeatures article, Similarity.ArticleVector vector) {
        if (!incident.articleIds.contains(article.id())) {
            incident.articleIds.add(article.id());
        }
        incident.sources.merge(article.source(), 1, Integer::sum);
        // A correction (an earlier version is a member) is one original, already counted.
        MemberArticle earlier = member(article.id());
        if (article.language() != null && earlier == null) {
            incident.languages.merge(article.language(), 1, Integer::sum);
        }
        IncidentProfile profile = incident.profile;
        vector.terms().forEach((term, weight) -> profile.terms().merge(term, weight, Double::sum));
        pruneTerms(incident);
        article.entities().keySet().forEach(key -> incident.entities.merge(key, 1, Integer::sum));
        vector.entities().forEach((key, weight) -> profile.entityWeights.merge(key, weight, Double::sum));
        prune(profile.entityWeights, parameters.maxIncidentEntities());
        article.countries().forEach(country -> profile.countries.merge(country, 1, Integer::sum));
        article.regions().forEach(region -> profile.regions.merge(region, 1, Integer::sum));
        article.localPlaces().forEach(place -> profile.localPlaces.merge(place, 1, Integer::sum));
        pruneCounts(profile.localPlaces, parameters.maxIncidentEntities());
        if (article.eventDate() != null) {
            profile.eventDates.merge(article.eventDate(), 1, Integer::sum);
        }
        incident.facts.add(article.id(), article.day(), article.facts());
        List<String> keys = new ArrayList<>(Similarity.indexKeys(vector, parameters.indexTermsPerArticle()));
        keys.forEach(key -> index.add(key, incident.id));
        if (earlier != null) {
            // A correction: the earlier version's keys stay in the index until the incident retires.
            earlier.indexTerms().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        }
        remember(article, incident.id, null, vector, keys);
    }

    /** Records a member; {@code vector} is what an original contributed to its incident, null for a reprint. */
    private void remember(ArticleFeatures article, String incidentId, String duplicateOf,
                          Similarity.ArticleVector vector, List<String> indexKeys) {
        state.articles().put(article.id(), new MemberArticle(article.id(), incidentId, article.contentHash(),
                article.source(), article.title(), article.timestamp(), article.day(), article.eventDate(),
                article.minhash(), duplicateOf, vector == null ? Map.of() : new TreeMap<>(vector.terms()),
                vector == null ? Map.of() : new TreeMap<>(article.entities()),
                vector == null ? Map.of() : new TreeMap<>(vector.entities()),
                vector == null ? List.of() : article.countries(), List.copyOf(indexKeys),
                vector == null || article.facts() == null ? null : article.facts().withoutSentences(),
                vector == null ? List.of() : article.regions(), vector == null ? List.of() : article.localPlaces()));
        if (MinHash.present(article.minhash())) {
            reprints.add(article.minhash(), article.id());
        }
    }

    private static void removeContribution(IncidentState incident, MemberArticle known) {
        IncidentProfile profile = incident.profile;
        decrement(incident.sources, known.source());
        subtract(profile.terms(), known.terms());
        subtract(profile.entityWeights, known.entityWeights());
        known.entities().keySet().forEach(key -> decrement(incident.entities, key));
        known.countries().forEach(country -> decrement(profile.countries, country));
        if (known.regions() != null) {
            known.regions().forEach(region -> decrement(profile.regions, region));
        }
        if (known.localPlaces() != null) {
            known.localPlaces().forEach(place -> decrement(profile.localPlaces, place));
        }
        if (known.eventDate() != null) {
            decrement(profile.eventDates, known.eventDate());
        }
        incident.facts.remove(known.id(), known.facts());
    }

    /** Takes a member's contribution back out of a centroid; keys it alone carried disappear. */
    private static void subtract(Map<String, Double> centroid, Map<String, Double> contribution) {
        contribution.forEach((key, weight) -> {
            Double current = centroid.get(key);
            if (current != null) {
                if (current - weight > WEIGHT_EPSILON) {
                    centroid.put(key, current - weight);
                } else {
                    centroid.remove(key);
                }
            }
        });
    }

    private void pruneTerms(IncidentState incident) {
        prune(incident.profile.terms(), parameters.maxIncidentTerms());
    }

    /**
     * Keeps a centroid's heaviest keys (the distinctive ones, by weight): an incident's profile, read for every
     * article it is a candidate of, stays bounded in size however many articles (or merged incidents) join.
     */
    private static void prune(Map<String, Double> centroid, int limit) {
        int excess = centroid.size() - limit;
        if (excess > 0) {
            centroid.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue()
                            .thenComparing(Map.Entry.<String, Double>comparingByKey(Comparator.reverseOrder())))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(centroid::remove);
        }
    }

    /** Keeps the most counted keys of a count map (ties: the smaller key), so it stays bounded. */
    private static void pruneCounts(Map<String, Integer> counts, int limit) {
        int excess = counts.size() - limit;
        if (excess > 0) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.<String, Integer>comparingByKey(Comparator.reverseOrder())))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(counts::remove);
        }
    }

    /**
     * The statistics keys an incident counts in: its profile terms, its compared entities and its event dates
     * ({@link Similarity#dateKey}), so how many active incidents share a key or a date is known.
     */
    private static Set<String> profileKeys(IncidentState incident) {
        Set<String> keys = new HashSet<>(incident.profile.terms().keySet());
        keys.addAll(incident.profile.entityWeights.keySet());
        incident.profile.eventDates.keySet().forEach(date -> keys.add(Similarity.dateKey(date)));
        return keys;
    }

    private double dueDay(IncidentState incident) {
        return Math.min(incident.profile.lastDay + parameters.retireAfterDays(),
                incident.profile.firstDay + parameters.maxAgeDays());
    }

    private static void decrement(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, v) -> v > 1 ? v - 1 : null);
    }
}
