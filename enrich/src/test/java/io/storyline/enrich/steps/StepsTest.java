package io.storyline.enrich.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.EnrichmentError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {

    private static int parseDecade(String digits) {
        return Integer.parseInt(digits);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aFailingStepYieldsItsEmptyPartAndIsNotedWithItsReason() {
        Steps steps = Steps.of("a-1");
        List<String> found = steps.run(Steps.DATES, List.of(), () -> List.of("1990s", "3.40s").stream()
                .map(w -> Integer.toString(parseDecade(w.substring(0, w.length() - 1)))).toList());
        assertEquals(List.of(), found);
        assertEquals(List.of(new EnrichmentError(Steps.DATES, "NumberFormatException: For input string: \"3.40\"")),
                steps.errors());
    }

    @Test
    void theOtherStepsRunAndAStepIsNotedOnceWhereverItFails() {
        Steps steps = Steps.of("a-2");
        List<String> places = new ArrayList<>();
        for (String sentence : List.of("Lima", "", "Dnipro", "")) {
            places.add(steps.run(Steps.PLACES, "?", () -> sentence.substring(0, 1)));
        }
        assertEquals(List.of("L", "?", "D", "?"), places, "what the step found elsewhere stays");
        assertEquals("signed", steps.run(Steps.SIGNATURE, "none", () -> "signed"));
        assertEquals(1, steps.errors().size());
        assertEquals(Steps.PLACES, steps.errors().get(0).step());
    }

    @Test
    void aStackOverflowFromDeepInputCostsOnlyItsStep() {
        Steps steps = Steps.of("a-3");
        assertEquals(-1, steps.run(Steps.NAMES, -1, () -> recurse(0)));
        assertEquals("StackOverflowError", steps.errors().get(0).reason());
    }

    @Test
    void anInPlaceStepSaysWhetherItCompleted() {
        Steps steps = Steps.of("a-4");
        List<String> mentions = new ArrayList<>(List.of("NATO"));
        assertTrue(steps.run(Steps.NAMES, () -> mentions.add("Kyiv")));
        assertFalse(steps.run(Steps.WEAPONS, () -> mentions.get(5)));
        assertEquals(List.of("NATO", "Kyiv"), mentions);
        assertEquals(Steps.WEAPONS, steps.errors().get(0).step());
    }

    @Test
    void noErrorsMeansNoField() {
        Steps steps = Steps.of("a-5");
        steps.run(Steps.EVENT_DATE, null, () -> "2024-11-21");
        assertNull(steps.errors());
    }

    @Test
    void reasonsAreOneBoundedLine() {
        String reason = Steps.reason(new IllegalStateException("line one\nline two " + "x".repeat(1000)));
        assertFalse(reason.contains("\n"));
        assertEquals(300, reason.length());
        assertTrue(reason.startsWith("IllegalStateException: line one line two"), reason);
    }

    @Test
    void unguardedStepsLetTheDefectThrough() {
        Steps steps = Steps.unguarded();
        assertThrows(NumberFormatException.class, () -> steps.run(Steps.DATES, 0, () -> parseDecade("3.40")));
    }
}
