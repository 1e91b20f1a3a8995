package io.storyline.aggregate.clustering;

import static io.storyline.aggregate.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.facts.KeyFacts;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key facts kept current as reports join, are corrected and merge; FACTS_CHANGED when a toll or place moves. */
class KeyFactsEngineTest {

    private static final KeyFacts.Place HARLOW = new KeyFacts.Place("Harlow", "Ohio", "United States");

    private long clock = Instant.parse("2024-03-05T10:00:00Z").toEpochMilli();

    private List<Emission> accept(ClusteringEngine engine, EnrichedArticle article) {
        LocalDate published = article.article().publishedDate();
        clock = Math.max(clock + 1_000, published.toEpochDay() * 86_400_000L);
        return engine.accept(ArticleFeatures.of(article, clock));
    }

    /** A report of the Harlow mill fire, worded alike so every report joins the first. */
    private static EnrichedArticle report(String id, String published, Integer killed, Integer injured,
                                          String hash) {
        List<KeyFacts.Evidence> evidence = killed == null ? List.of() : List.of(
                new KeyFacts.Evidence(KeyFacts.KILLED, "" + killed, killed + " died in the mill fire.", null));
        return article(id).source(id + ".example").published(published).eventDate("2024-03-04")
                .title("Mill fire in Harlow").contentHash(hash)
                .body("Harlow mill fire Orchard Road firefighters Dana Okafor said the blaze started in the dryer")
                .entities("LOCATION:Harlow", "PERSON:Dana Okafor")
                .facts(new KeyFacts(killed, injured, "2024-03-04", HARLOW, evidence)).build();
    }

    private static List<IncidentEvent> factEvents(List<Emission> emissions) {
        return emissions.stream().filter(e -> e instanceof Emission.Event).map(e -> ((Emission.Event) e).event())
                .filter(e -> e.type().equals(IncidentEventType.FACTS_CHANGED)).toList();
    }

    private static Incident last(List<Emission> emissions) {
        return emissions.stream().filter(e -> e instanceof Emission.IncidentRecord)
                .map(e -> ((Emission.IncidentRecord) e).incident()).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aRisingTollIsFollowedAndAnnounced() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        List<Emission> opened = accept(engine, report("a1", "2024-03-04", 1, 4, "h1"));
        IncidentEvent first = factEvents(opened).get(0);
        assertEquals(1, first.keyFacts().killed());
        assertNull(first.previousKeyFacts(), "an incident's first facts have nothing before them");
        assertEquals(HARLOW, last(opened).keyFacts().place());

        assertTrue(factEvents(accept(engine, report("a2", "2024-03-04", 1, 4, "h2"))).isEmpty(),
                "the same figures again change nothing");

        List<Emission> rose = accept(engine, report("a3", "2024-03-05", 2, null, "h3"));
        IncidentEvent change = factEvents(rose).get(0);
        assertEquals(1, change.previousKeyFacts().killed());
        assertEquals(2, change.keyFacts().killed());
        assertTrue(change.keyFacts().evidence().isEmpty(), "events carry figures, the record carries evidence");
        Incident incident = last(rose);
        assertEquals(List.of("a1", "a2", "a3"), incident.articleIds());
        assertEquals(2, incident.keyFacts().killed());
        assertEquals(4, incident.keyFacts().injured());
        assertEquals("2024-03-04", incident.keyFacts().date());
        assertEquals("a3", incident.keyFacts().evidence().get(0).articleId());
    }

    @Test
    void aCorrectionTakesTheOldFigureBackOut() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        accept(engine, report("a1", "2024-03-04", 1, null, "h1"));
        accept(engine, report("a2", "2024-03-05", 6, null, "h2"));
        List<Emission> corrected = accept(engine, report("a2", "2024-03-05", 1, null, "h2-corrected"));
        assertEquals(1, last(corrected).keyFacts().killed());
        IncidentEvent change = factEvents(corrected).get(0);
        assertEquals(6, change.previousKeyFacts().killed());
        assertEquals(1, change.keyFacts().killed());
    }

    @Test
    void aMergedIncidentBringsItsReports() {
        ClusteringState state = ClusteringState.inMemory();
        JoinPolicy policy = (article, candidates) -> {
            if (!article.id().equals("both") || candidates.size() < 2) {
                return JoinPolicy.Decision.OPEN;
            }
            return new JoinPolicy.Decision(candidates.get(0), candidates.subList(1, candidates.size()));
        };
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), JoinModel.defaults(), policy,
                state);
        accept(engine, report("first", "2024-03-04", 1, null, "h1"));
        accept(engine, report("second", "2024-03-04", null, 3, "h2"));
        List<Emission> merged = accept(engine, report("both", "2024-03-04", 1, 3, "h3"));
        Incident survivor = last(merged);
        assertEquals(java.util.Set.of("first", "second", "both"), java.util.Set.copyOf(survivor.articleIds()));
        assertEquals(1, survivor.keyFacts().killed());
        assertEquals(3, survivor.keyFacts().injured());
    }
}
