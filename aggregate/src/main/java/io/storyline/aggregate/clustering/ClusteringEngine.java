package io.storyline.aggregate.clustering;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Online incident clustering, one article at a time: reprints join the incident of the article they copy,
 * other articles join the most similar active incident found through the candidate index or open a new one,
 * and incidents retire when they grow old or quiet. Everything it knows lives in {@link ClusteringState}, so
 * the same engine runs on Kafka Streams stores and on maps; it is deterministic for a given article order.
 */
public final class ClusteringEngine {

    private static final String CLOCK = "\u0000clock";
    private static final int RETIREMENTS_PER_ARTICLE = 1_000;

    private final ClusteringParameters parameters;
    private final ClusteringState state;
    private final TermStatistics statistics;
    private final CandidateIndex index;
    private final ReprintIndex reprints;
    private final RetirementSchedule schedule;
    private final Similarity similarity;

    public ClusteringEngine(ClusteringParameters parameters, ClusteringState state) {
        this.parameters = parameters;
        this.state = state;
        this.statistics = new TermStatistics(state.statistics());
        this.index = new CandidateIndex(state.postings(), parameters.postingsLimit());
        this.reprints = new ReprintIndex(state.reprints(), parameters.reprintDistance());
        this.schedule = new RetirementSchedule(state.schedule());
        this.similarity = new Similarity(parameters, statistics);
    }

    public ClusteringParameters parameters() {
        return parameters;
    }

    /** Takes one article into the incidents; returns what to publish, in order. */
    public List<Emission> accept(ArticleFeatures article) {
        List<Emission> out = new ArrayList<>();
        retireDue(advanceClock(article), out);
        MemberArticle known = state.articles().get(article.id());
        if (known != null) {
            if (!known.contentHash().equals(article.contentHash())) {
                correct(known, article, out);
            }
            return out;
        }
        String original = article.simhash() == 0 ? null : reprints.nearest(article.simhash(), article.id());
        if (original != null) {
            addReprint(article, state.articles().get(original), out);
            return out;
        }
        Similarity.ArticleVector vector = similarity.vector(article);
        IncidentState best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (IncidentState candidate : candidates(article, vector)) {
            double score = similarity.score(article, vector, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best != null && bestScore >= parameters.joinThreshold()) {
            join(best, article, vector, out);
        } else {
            open(article, vector, out);
        }
        return out;
    }

    /** Retires every incident due by {@code day}; for a stream that has gone quiet. */
    public List<Emission> retireUpTo(double day) {
        List<Emission> out = new ArrayList<>();
        retireDue(day, out);
        return out;
    }

    /** Active incidents, for metrics and the benchmark. */
    public long activeIncidents() {
        return statistics.incidents();
    }

    // --- candidates -------------------------------------------------------------------------------------------

    private List<IncidentState> candidates(ArticleFeatures article, Similarity.ArticleVector vector) {
        Map<String, Double> hits = index.lookup(similarity.retrievalKeys(article, vector));
        List<IncidentState> out = new ArrayList<>();
        hits.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(parameters.maxCandidates())
                .forEach(hit -> {
                    IncidentState incident = state.incidents().get(hit.getKey());
                    if (incident != null && withinTime(incident, article.day())) {
                        out.add(incident);
                    }
                });
        return out;
    }

    private boolean withinTime(IncidentState incident, double day) {
        return day >= incident.firstDay - parameters.maxGapDays()
                && day <= incident.lastDay + parameters.maxGapDays()
                && day - incident.firstDay <= parameters.maxAgeDays();
    }

    // --- changes ----------------------------------------------------------------------------------------------

    private void open(ArticleFeatures article, Similarity.ArticleVector vector, List<Emission> out) {
        IncidentState incident = new IncidentState(incidentIdFor(article.id()));
        incident.title = article.title();
        incident.firstSeen = article.timestamp();
        incident.lastUpdated = article.timestamp();
        incident.firstDay = article.day();
        incident.lastDay = article.day();
        statistics.incidentOpened();
        addOriginal(incident, article, vector);
        scheduleRetirement(incident, null);
        state.incidents().put(incident.id, incident);
        event(out, IncidentEventType.OPENED, incident, article.id(), article.source(), null, null, article.timestamp());
        checkCorroboration(incident, article, out);
        publish(out, incident, IncidentView.OPEN, null);
    }

    private void join(IncidentState incident, ArticleFeatures article, Similarity.ArticleVector vector,
                      List<Emission> out) {
        Double dueBefore = dueDay(incident);
        incident.lastUpdated = Math.max(incident.lastUpdated, article.timestamp());
        incident.firstSeen = Math.min(incident.firstSeen, article.timestamp());
        incident.firstDay = Math.min(incident.firstDay, article.day());
        incident.lastDay = Math.max(incident.lastDay, article.day());
        addOriginal(incident, article, vector);
        scheduleRetirement(incident, dueBefore);
        state.incidents().put(incident.id, incident);
        event(out, IncidentEventType.ARTICLE_ADDED, incident, article.id(), article.source(), null, null,
                article.timestamp());
        checkCorroboration(incident, article, out);
        publish(out, incident, IncidentView.OPEN, null);
    }

    private void addReprint(ArticleFeatures article, MemberArticle original, List<Emission> out) {
        IncidentState incident = state.incidents().get(original.incidentId());
        incident.articleIds.add(article.id());
        incident.duplicates.put(article.id(), original.id());
        incident.lastUpdated = Math.max(incident.lastUpdated, article.timestamp());
        state.incidents().put(incident.id, incident);
        state.articles().put(article.id(), member(article, incident.id, original.id(), Map.of(), List.of()));
        reprints.add(article.simhash(), article.id());
        event(out, IncidentEventType.DUPLICATE_SEEN, incident, article.id(), article.source(), original.id(), null,
                article.timestamp());
        publish(out, incident, IncidentView.OPEN, null);
    }

    /** A corrected article replaces what its earlier version contributed; it stays in its incident. */
    private void correct(MemberArticle known, ArticleFeatures article, List<Emission> out) {
        IncidentState incident = state.incidents().get(known.incidentId());
        reprints.remove(known.simhash(), known.id());
        if (known.isDuplicate()) {
            state.articles().put(article.id(), member(article, incident.id, known.duplicateOf(), Map.of(), List.of()));
        } else {
            removeContribution(incident, known);
            Similarity.ArticleVector vector = similarity.vector(article);
            addOriginal(incident, article, vector);
            if (incident.articleIds.get(0).equals(article.id())) {
                incident.title = article.title();
            }
        }
        reprints.add(article.simhash(), article.id());
        incident.lastUpdated = Math.max(incident.lastUpdated, article.timestamp());
        state.incidents().put(incident.id, incident);
        event(out, IncidentEventType.ARTICLE_UPDATED, incident, article.id(), article.source(), null, null,
                article.timestamp());
        publish(out, incident, IncidentView.OPEN, null);
    }

    private void addOriginal(IncidentState incident, ArticleFeatures article, Similarity.ArticleVector vector) {
        if (!incident.articleIds.contains(article.id())) {
            incident.articleIds.add(article.id());
        }
        incident.sources.merge(article.source(), 1, Integer::sum);
        List<String> newTerms = new ArrayList<>();
        article.terms().forEach((term, count) -> {
            if (incident.terms.merge(term, count, Integer::sum).equals(count)) {
                newTerms.add(term);
            }
        });
        statistics.added(newTerms);
        pruneTerms(incident);
        article.entities().keySet().forEach(key -> incident.entities.merge(key, 1, Integer::sum));
        if (article.eventDate() != null) {
            incident.eventDates.merge(article.eventDate(), 1, Integer::sum);
        }
        List<String> indexTerms = vector.distinctiveTerms(parameters.indexTermsPerArticle());
        for (String key : Similarity.indexKeys(article, indexTerms)) {
            if (!incident.indexKeys.contains(key)) {
                incident.indexKeys.add(key);
                index.add(key, incident.id);
            }
        }
        state.articles().put(article.id(), member(article, incident.id, null, article.terms(), indexTerms));
        if (article.simhash() != 0) {
            reprints.add(article.simhash(), article.id());
        }
    }

    private void removeContribution(IncidentState incident, MemberArticle known) {
        decrement(incident.sources, known.source());
        List<String> goneTerms = new ArrayList<>();
        known.terms().forEach((term, count) -> {
            Integer current = incident.terms.get(term);
            if (current != null && current > count) {
                incident.terms.put(term, current - count);
            } else if (current != null) {
                incident.terms.remove(term);
                goneTerms.add(term);
            }
        });
        statistics.removed(goneTerms);
        known.entities().keySet().forEach(key -> decrement(incident.entities, key));
        if (known.eventDate() != null) {
            decrement(incident.eventDates, known.eventDate());
        }
    }

    private void pruneTerms(IncidentState incident) {
        int excess = incident.terms.size() - parameters.maxIncidentTerms();
        if (excess <= 0) {
            return;
        }
        List<String> weakest = incident.terms.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed()))
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList();
        weakest.forEach(incident.terms::remove);
        statistics.removed(weakest);
    }

    // --- retirement -------------------------------------------------------------------------------------------

    private double advanceClock(ArticleFeatures article) {
        // A published_at far in the future (a typo, a wrong time zone) must not retire every incident at once.
        double recordDay = article.timestamp() / 86_400_000d;
        double candidate = Math.min(article.day(), recordDay + 1);
        Long stored = state.statistics().get(CLOCK);
        double clock = stored == null ? candidate : Math.max(stored / 1440d, candidate);
        state.statistics().put(CLOCK, Math.round(clock * 1440));
        return clock;
    }

    private void retireDue(double day, List<Emission> out) {
        for (String id : schedule.dueBefore(day, RETIREMENTS_PER_ARTICLE)) {
            IncidentState incident = state.incidents().get(id);
            if (incident != null) {
                retire(incident, out);
            }
        }
    }

    private void retire(IncidentState incident, List<Emission> out) {
        forget(incident);
        event(out, IncidentEventType.CLOSED, incident, null, null, null, null, incident.lastUpdated);
        publish(out, incident, IncidentView.CLOSED, null);
    }

    /** Removes an incident and everything that points at it from the state. */
    private void forget(IncidentState incident) {
        Double due = dueDay(incident);
        if (due != null) {
            schedule.cancel(incident.id, due);
        }
        index.removeAll(incident.indexKeys, incident.id);
        for (String articleId : incident.articleIds) {
            MemberArticle member = state.articles().get(articleId);
            if (member != null) {
                reprints.remove(member.simhash(), articleId);
                state.articles().delete(articleId);
            }
        }
        statistics.removed(incident.terms.keySet());
        statistics.incidentClosed();
        state.incidents().delete(incident.id);
    }

    private Double dueDay(IncidentState incident) {
        return Math.min(incident.lastDay + parameters.retireAfterDays(), incident.firstDay + parameters.maxAgeDays());
    }

    private void scheduleRetirement(IncidentState incident, Double previous) {
        if (previous != null) {
            schedule.cancel(incident.id, previous);
        }
        schedule.schedule(incident.id, dueDay(incident));
    }

    // --- output -----------------------------------------------------------------------------------------------

    private void checkCorroboration(IncidentState incident, ArticleFeatures article, List<Emission> out) {
        if (!incident.corroborated && incident.sourceCount() >= parameters.corroborationThreshold()) {
            incident.corroborated = true;
            state.incidents().put(incident.id, incident);
            event(out, IncidentEventType.CORROBORATED, incident, article.id(), article.source(), null, null,
                    article.timestamp());
        }
    }

    private void publish(List<Emission> out, IncidentState incident, String status, String mergedInto) {
        Incident record = IncidentView.of(incident, status, mergedInto, parameters.rankedEntities());
        out.add(new Emission.IncidentRecord(incident.id, record));
    }

    private static void event(List<Emission> out, String type, IncidentState incident, String articleId,
                              String source, String duplicateOf, String mergedInto, long at) {
        out.add(new Emission.Event(new IncidentEvent(IncidentEvent.SCHEMA_VERSION, type, incident.id, articleId,
                Instant.ofEpochMilli(at), incident.title, source, duplicateOf, mergedInto,
                incident.articleIds.size(), incident.sourceCount())));
    }

    private static MemberArticle member(ArticleFeatures article, String incidentId, String duplicateOf,
                                        Map<String, Integer> terms, List<String> indexTerms) {
        return new MemberArticle(article.id(), incidentId, article.contentHash(), article.source(), article.title(),
                article.timestamp(), article.day(), article.eventDate(), article.simhash(), duplicateOf,
                new LinkedHashMap<>(terms), duplicateOf == null ? article.entities() : Map.of(), indexTerms);
    }

    private static void decrement(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, v) -> v > 1 ? v - 1 : null);
    }

    /** Stable across instances and restarts: the id of the article that opened the incident, hashed. */
    static String incidentIdFor(String articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(articleId.getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
