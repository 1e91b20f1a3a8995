package io.storyline.aggregate.clustering;

import io.storyline.aggregate.facts.FactLedger;
import io.storyline.common.facts.KeyFacts;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Online incident clustering, one article at a time: a reprint joins the incident of the article it copies;
 * any other article is scored against the active incidents that share index keys with it and joins the best one
 * or opens a new incident ({@link JoinPolicy}); an article that strongly matches two incidents merges them; and
 * incidents retire when they grow old or quiet. Everything it knows lives in {@link ClusteringState}, so the same
 * engine runs on Kafka Streams stores and on maps. For a given order of articles it is deterministic.
 */
public final class ClusteringEngine {

    private static final double MINUTES_PER_DAY = 24 * 60;
    private static final int RETIREMENTS_PER_ARTICLE = 1_000;

    private final ClusteringParameters parameters;
    private final JoinModel model;
    private final JoinPolicy policy;
    private final ClusteringState state;
    private final ActiveIncidents active;
    private final Similarity similarity;
    private final NewsClock clock;

    public ClusteringEngine(ClusteringParameters parameters, ClusteringState state) {
        this(parameters, JoinModel.defaults(),
                JoinPolicy.thresholds(parameters.joinThreshold(), parameters.mergeThreshold()), state);
    }

    public ClusteringEngine(ClusteringParameters parameters, JoinModel model, JoinPolicy policy,
                            ClusteringState state) {
        this.parameters = parameters;
        this.model = model;
        this.policy = policy;
        this.state = state;
        this.active = new ActiveIncidents(parameters, state);
        this.similarity = active.similarity();
        this.clock = new NewsClock(state.statistics());
    }

    /** Takes one article into the incidents; returns what to publish, in order. */
    public List<Emission> accept(ArticleFeatures article) {
        List<Emission> out = new ArrayList<>();
        retireDue(advanceClock(article), out);
        MemberArticle known = active.member(article.id());
        if (known != null) {
            if (!known.contentHash().equals(article.contentHash())) {
                correct(known, article, out);
            }
            return out;
        }
        MemberArticle original = active.reprinted(article);
        if (original != null) {
            IncidentState incident = active.incident(original.incidentId());
            active.addReprint(incident, article, original);
            event(out, IncidentEventType.DUPLICATE_SEEN, incident, article, original.id(), null);
            publish(out, incident, IncidentView.OPEN, null);
            return out;
        }
        Similarity.ArticleVector vector = similarity.vector(article);
        JoinPolicy.Decision decision = policy.decide(article, candidates(article, vector));
        if (decision.join() == null) {
            String id = incidentIdFor(article.id());
            IncidentState incident = active.open(id, article, vector);
            event(out, IncidentEventType.OPENED, incident, article, null, null);
            factsChanged(out, incident, KeyFacts.none(), article);
            corroborate(incident, article, out);
            publish(out, incident, IncidentView.OPEN, null);
            return out;
        }
        IncidentState incident = active.incident(decision.join().incident());
        Map<String, KeyFacts> before = new HashMap<>();
        before.put(incident.id, incident.facts.keyFacts());
        active.join(incident, article, vector);
        event(out, IncidentEventType.ARTICLE_ADDED, incident, article, null, null);
        for (JoinPolicy.Candidate other : decision.merge()) {
            IncidentState absorbed = active.incident(other.incident());
            before.put(absorbed.id, absorbed.facts.keyFacts());
            incident = merge(incident, absorbed, article, out);
        }
        factsChanged(out, incident, before.get(incident.id), article);
        corroborate(incident, article, out);
        publish(out, incident, IncidentView.OPEN, null);
        return out;
    }

    /** Active incidents, for metrics and the benchmark. */
    public long activeIncidents() {
        return active.statistics().incidents();
    }

    /** The candidates of an article, scored, best first; for the evaluation's error analysis too. */
    List<JoinPolicy.Candidate> candidates(ArticleFeatures article, Similarity.ArticleVector vector) {
        Map<String, Double> hits = active.lookup(vector);
        List<JoinPolicy.Candidate> out = new ArrayList<>();
        hits.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(parameters.maxCandidates())
                .forEach(hit -> {
                    IncidentProfile incident = active.profile(hit.getKey());
                    if (incident != null && withinTime(incident, article.day())
                            && !Similarity.elsewhere(article, incident)) {
                        MatchFeatures features = similarity.features(article, vector, incident);
                        out.add(new JoinPolicy.Candidate(incident, features, model.score(features)));
                    }
                });
        out.sort(Comparator.comparingDouble(JoinPolicy.Candidate::score).reversed()
                .thenComparing(candidate -> candidate.incident().id));
        return out;
    }

    private boolean withinTime(IncidentProfile incident, double day) {
        return day >= incident.firstDay - parameters.maxGapDays()
                && day <= incident.lastDay + parameters.maxGapDays()
                && day - incident.firstDay <= parameters.maxAgeDays();
    }

    private void correct(MemberArticle known, ArticleFeatures article, List<Emission> out) {
        IncidentState incident = active.incident(known.incidentId());
        KeyFacts before = incident.facts.keyFacts();
        active.correct(incident, known, article, similarity.vector(article));
        event(out, IncidentEventType.ARTICLE_UPDATED, incident, article, null, null);
        factsChanged(out, incident, before, article);
        publish(out, incident, IncidentView.OPEN, null);
    }

    /** The older incident survives; the other is published once as merged into it, then deleted. */
    private IncidentState merge(IncidentState a, IncidentState b, ArticleFeatures article, List<Emission> out) {
        boolean aOlder = a.firstSeen < b.firstSeen || (a.firstSeen == b.firstSeen && a.id.compareTo(b.id) < 0);
        IncidentState survivor = aOlder ? a : b;
        IncidentState loser = aOlder ? b : a;
        active.absorb(survivor, loser);
        event(out, IncidentEventType.MERGED, loser, article, null, survivor.id);
        publish(out, loser, IncidentView.MERGED, survivor.id);
        out.add(new Emission.IncidentRecord(loser.id, null));
        return survivor;
    }

    private void corroborate(IncidentState incident, ArticleFeatures article, List<Emission> out) {
        if (!incident.corroborated && incident.sourceCount() >= parameters.corroborationThreshold()) {
            incident.corroborated = true;
            active.saveRecord(incident);
            event(out, IncidentEventType.CORROBORATED, incident, article, null, null);
        }
    }

    // --- time -------------------------------------------------------------------------------------------------

    /**
     * Retirement follows the news ({@link NewsClock}). A published_at far beyond the record's own time (a typo, a
     * wrong time zone) is not believed beyond the day after the record.
     */
    private double advanceClock(ArticleFeatures article) {
        double recordDay = article.timestamp() / (MINUTES_PER_DAY * 60_000);
        return clock.advance(Math.min(article.day(), recordDay + 1));
    }

    private void retireDue(double day, List<Emission> out) {
        for (String id : active.dueBefore(day, RETIREMENTS_PER_ARTICLE)) {
            IncidentState incident = active.incident(id);
            if (incident != null) {
                active.forget(incident);
                out.add(new Emission.Event(new IncidentEvent(IncidentEvent.SCHEMA_VERSION, IncidentEventType.CLOSED,
                        incident.id, null, Instant.ofEpochMilli(incident.lastUpdated), incident.title, null, null,
                        null, incident.articleIds.size(), incident.sourceCount())));
                publish(out, incident, IncidentView.CLOSED, null);
            }
        }
    }

    // --- output -----------------------------------------------------------------------------------------------

    private void publish(List<Emission> out, IncidentState incident, String status, String mergedInto) {
        Incident record = IncidentView.of(incident, status, mergedInto, parameters.rankedEntities());
        out.add(new Emission.IncidentRecord(incident.id, record));
    }

    private static void event(List<Emission> out, String type, IncidentState incident, ArticleFeatures article,
                              String duplicateOf, String mergedInto) {
        out.add(new Emission.Event(new IncidentEvent(IncidentEvent.SCHEMA_VERSION, type, incident.id, article.id(),
                Instant.ofEpochMilli(article.timestamp()), incident.title, article.source(), duplicateOf, mergedInto,
                incident.articleIds.size(), incident.sourceCount(),
                new IncidentEvent.ArticleSummary(article.title(), article.url(), article.publishedAt()), null, null)));
    }

    /**
     * FACTS_CHANGED when the incident's toll (killed, injured) or place differs from {@code before}: what alerting
     * on "a toll that rises" or "anything in Texas" needs. An incident opened by an article that reports either
     * announces its first facts so.
     */
    private static void factsChanged(List<Emission> out, IncidentState incident, KeyFacts before,
                                     ArticleFeatures article) {
        KeyFacts after = incident.facts.keyFacts();
        if (FactLedger.tollOrPlaceChanged(before, after)) {
            KeyFacts previous = before == null || before.isEmpty() ? null : before.withoutEvidence();
            out.add(new Emission.Event(new IncidentEvent(IncidentEvent.SCHEMA_VERSION,
                    IncidentEventType.FACTS_CHANGED, incident.id, article.id(),
                    Instant.ofEpochMilli(article.timestamp()), incident.title, article.source(), null, null,
                    incident.articleIds.size(), incident.sourceCount(),
                    new IncidentEvent.ArticleSummary(article.title(), article.url(), article.publishedAt()),
                    after.withoutEvidence(), previous)));
        }
    }

    /** Stable across instances and restarts: the id of the article that opened the incident, hashed. */
    public static String incidentIdFor(String articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(articleId.getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
