package io.storyline.enrich.eval.timex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.article.DateMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimexScoresTest {

    private static final double EPSILON = 1e-9;

    @Test
    void relaxedStrictValueAndTypeFollowTheTempEval3Definitions() {
        List<GoldTimex> gold = List.of(
                new GoldTimex(0, 6, "DATE", "2024-11-19"),      // exact span, right value
                new GoldTimex(10, 22, "DATE", "2024-W47"),      // overlapping span, wrong value
                new GoldTimex(30, 40, "DURATION", "P2D"),       // missed
                new GoldTimex(50, 55, "SET", "P1W"));           // exact span, right value, wrong type
        List<DateMention> system = List.of(
                new DateMention("x", 0, 6, "2024-11-19", "DATE"),
                new DateMention("x", 15, 22, "2024-W46", "DATE"),
                new DateMention("x", 50, 55, "P1W", "DURATION"),
                new DateMention("x", 60, 64, "PRESENT_REF", "DATE")); // spurious
        TimexScores scores = new TimexScores();
        scores.add(gold, system);

        assertEquals(3.0 / 4, scores.relaxedPrecision(), EPSILON);
        assertEquals(3.0 / 4, scores.relaxedRecall(), EPSILON);
        assertEquals(0.75, scores.relaxedF1(), EPSILON);
        assertEquals(2.0 / 4, scores.strictPrecision(), EPSILON);
        assertEquals(2.0 / 4, scores.strictRecall(), EPSILON);
        assertEquals(2.0 / 3, scores.valueAccuracy(), EPSILON);
        assertEquals(0.75 * 2.0 / 3, scores.valueF1(), EPSILON);
        assertEquals(2.0 / 3, scores.typeAccuracy(), EPSILON);
    }

    @Test
    void oneSystemExpressionMatchesOneGoldExpressionOnly() {
        List<GoldTimex> gold = List.of(new GoldTimex(0, 5, "DATE", "2024"), new GoldTimex(6, 10, "DATE", "2025"));
        List<DateMention> system = List.of(new DateMention("x", 0, 10, "2024", "DATE"));
        TimexScores scores = new TimexScores();
        scores.add(gold, system);
        assertEquals(1.0, scores.relaxedPrecision(), EPSILON);
        assertEquals(0.5, scores.relaxedRecall(), EPSILON);
        assertEquals(0, scores.strict);
    }

    @Test
    void emptyInputScoresZeroWithoutDividingByZero() {
        TimexScores scores = new TimexScores();
        scores.add(List.of(), List.of());
        assertEquals(0, scores.relaxedF1(), EPSILON);
        assertEquals(0, scores.valueF1(), EPSILON);
    }
}
