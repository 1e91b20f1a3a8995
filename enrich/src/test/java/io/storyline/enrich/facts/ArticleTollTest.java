package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.enrich.facts.Casualty.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article's own toll from the counts of its sentences, on counts made up for this test. */
class ArticleTollTest {

    private static final Sentence HEADLINE = new Sentence(0, "Driver shot on highway dies", -1);
    private static final Sentence LEAD = new Sentence(1, "A driver was shot on the highway.", 0);

    @Test
    void theHitLessTheKilledAreInjuredAndNoneLeftIsOnlyInferred() {
        ArticleToll.Toll some = ArticleToll.of(List.of(new Casualty(Kind.HIT, 3, LEAD),
                new Casualty(Kind.KILLED, 1, HEADLINE)), 1);
        assertEquals(2, some.injured().count());
        assertFalse(some.injured().inferred());
        ArticleToll.Toll none = ArticleToll.of(List.of(new Casualty(Kind.HIT, 1, LEAD),
                new Casualty(Kind.KILLED, 1, HEADLINE)), 1);
        assertEquals(0, none.injured().count());
        assertTrue(none.injured().inferred(), "the one shot may be the one who died, or another: no sentence says");
    }
}
