package io.storyline.launcher.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentScoresTest {

    private static final Map<String, String> GOLD = Map.of("a", "G1", "b", "G1", "c", "G1", "d", "G2", "e", "G2",
            "f", "G3");
    private static final Map<String, String> TITLES = Map.of("a", "Bridge collapses", "b", "Bridge collapses",
            "c", "Bridge collapse inquiry", "d", "Ferry strike", "e", "Ferry strike ends", "f", "Mayor resigns");

    @Test
    void scoresPairsAndBcubedAsTheScorerDoes() {
        // P1 = {a, b, d}: one false merge of two gold incidents; c alone: a split; e and f missing.
        IncidentScores scores = IncidentScores.of(GOLD, Map.of("a", "P1", "b", "P1", "d", "P1", "c", "P2"), TITLES,
                5);

        // Predicted pairs: ab, ad, bd (1 true); gold pairs: ab, ac, bc, de (1 found).
        assertEquals(1 / 3.0, scores.pairwisePrecision(), 1e-9);
        assertEquals(1 / 4.0, scores.pairwiseRecall(), 1e-9);
        assertEquals(2 * (1 / 3.0) * (1 / 4.0) / (1 / 3.0 + 1 / 4.0), scores.pairwiseF1(), 1e-9);
        // B-cubed precision: a, b 2/3 each; d 1/3; c, e, f 1 each -> 5/6 over 6 articles.
        assertEquals((2 / 3.0 + 2 / 3.0 + 1 / 3.0 + 3) / 6, scores.bcubedPrecision(), 1e-9);
        // B-cubed recall: a, b 2/3 each; c 1/3; d, e 1/2 each; f 1.
        assertEquals((2 / 3.0 + 2 / 3.0 + 1 / 3.0 + 0.5 + 0.5 + 1) / 6, scores.bcubedRecall(), 1e-9);
        assertEquals(2, scores.missingArticles());
        assertEquals(3, scores.goldIncidents());
    }

    @Test
    void namesTheLargestErrorsByTheirTitles() {
        IncidentScores scores = IncidentScores.of(GOLD, Map.of("a", "P1", "b", "P1", "d", "P1", "c", "P2", "e", "P3",
                "f", "P4"), TITLES, 5);

        assertEquals(1, scores.falseMerges().size());
        IncidentScores.Error merge = scores.falseMerges().get(0);
        assertEquals("P1", merge.incident());
        assertEquals(2, merge.wrongPairs());
        assertEquals(List.of(new IncidentScores.Part("G1", 2, "Bridge collapses"),
                new IncidentScores.Part("G2", 1, "Ferry strike")), merge.parts());
        assertEquals(List.of("G1", "G2"), scores.splits().stream().map(IncidentScores.Error::incident).toList());
        assertEquals(2, scores.splits().get(0).wrongPairs());
    }

    @Test
    void aPerfectClusteringScoresOne() {
        IncidentScores scores = IncidentScores.of(GOLD, GOLD, TITLES, 5);

        assertEquals(1, scores.pairwiseF1(), 1e-9);
        assertEquals(1, scores.bcubedF1(), 1e-9);
        assertEquals(List.of(), scores.falseMerges());
        assertEquals(List.of(), scores.splits());
    }
}
