package io.storyline.enrich.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerScorerTest {

    @Test
    void onlyTheSameSpanWithTheSameLabelCounts() {
        NerScorer scorer = new NerScorer();
        scorer.score(List.of(new Span(0, 2, "PER"), new Span(3, 4, "LOC"), new Span(5, 6, "ORG")),
                List.of(new Span(0, 2, "PER"), new Span(3, 4, "ORG"), new Span(5, 7, "ORG")));
        Tally per = scorer.byLabel().get("PER");
        assertEquals(1, per.correct);
        Tally micro = scorer.micro(LabelScheme.MAIN);
        assertEquals(3, micro.gold);
        assertEquals(3, micro.predicted);
        assertEquals(1, micro.correct);
        assertEquals(100.0 / 3, micro.precision(), 1e-9);
        assertEquals(100.0 / 3, micro.f1(), 1e-9);
    }

    @Test
    void weaponsAlsoCountByOverlap() {
        NerScorer scorer = new NerScorer();
        scorer.score(List.of(new Span(0, 3, LabelScheme.WEAPON), new Span(5, 6, LabelScheme.WEAPON)),
                List.of(new Span(1, 3, LabelScheme.WEAPON)));
        assertEquals(0, scorer.byLabel().get(LabelScheme.WEAPON).correct);
        assertEquals(50.0, scorer.weaponOverlap().recall(), 1e-9);
        assertEquals(100.0, scorer.weaponOverlap().precision(), 1e-9);
    }

    @Test
    void goldLabelsMapOntoTheScoredSet() {
        assertEquals("ORG", LabelScheme.gold("Organisation"));
        assertEquals(LabelScheme.WEAPON, LabelScheme.gold("MilitaryPlatform"));
        assertEquals(null, LabelScheme.gold("Temporal"));
        assertEquals("MISC", LabelScheme.predicted("NATIONALITY", true));
        assertEquals("MISC", LabelScheme.predicted("WEAPON", false));
    }
}
