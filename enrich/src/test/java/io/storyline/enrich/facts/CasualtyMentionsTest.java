package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.enrich.facts.Casualty.Kind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Counts of people as news writes them, in sentences written for this test. */
class CasualtyMentionsTest {

    private static final CasualtyMentions MENTIONS = new CasualtyMentions();

    /** The highest count of each kind the sentence states. */
    private static Map<Kind, Integer> counts(String text) {
        Map<Kind, Integer> out = new TreeMap<>();
        for (Casualty c : MENTIONS.find(new Sentence(1, text, 0))) {
            out.merge(c.kind(), c.count(), Math::max);
        }
        return out;
    }

    @Test
    void wordsAndDigits() {
        assertEquals(1, counts("A man was shot and killed outside a bakery on Friday.").get(Kind.KILLED));
        assertEquals(2, counts("Two teens were wounded in the crossfire.").get(Kind.INJURED));
        assertEquals(14, counts("14 injured as bleachers collapse at county fair").get(Kind.INJURED));
        assertEquals(12, counts("The blast injured 12 workers at the plant.").get(Kind.INJURED));
        assertEquals(23, counts("Twenty-three passengers were hospitalized after the derailment.").get(Kind.INJURED));
    }

    @Test
    void tollsAndDenials() {
        assertEquals(5, counts("The death toll rose to five on Tuesday.").get(Kind.KILLED));
        assertEquals(Map.of(Kind.INJURED, 0), counts("No one was hurt, the fire chief said."));
        assertEquals(0, counts("There were no deaths, officials said.").get(Kind.KILLED));
    }

    @Test
    void listsOfPeopleAddUp() {
        assertEquals(4, counts("A man, two women and a small child were killed in the crash.").get(Kind.KILLED));
        assertEquals(2, counts("Man, woman killed in house fire").get(Kind.KILLED));
    }

    @Test
    void anAgeIsNotACountAndAFatherOfThreeIsOnePerson() {
        assertEquals(Map.of(Kind.INJURED, 1), counts("A 16-year-old boy was wounded on Sunday."));
        assertEquals(1, counts("Father of 3 fatally shot outside store").get(Kind.KILLED));
    }

    @Test
    void aShotVictimWhoDiedIsKilledAndAKillerWhoTookHisLifeCounts() {
        Map<Kind, Integer> died = counts("The woman was treated at the scene but died a short time later.");
        assertEquals(1, died.get(Kind.KILLED));
        assertTrue(!died.containsKey(Kind.INJURED) && !died.containsKey(Kind.HIT), died.toString());
        assertEquals(2, counts("A 59-year-old man killed his son and then himself on Sunday.").get(Kind.KILLED));
        assertEquals(3, counts("Three workers were struck by the falling crane.").get(Kind.HIT));
        assertEquals(1, counts("Two men were shot, one fatally.").get(Kind.KILLED));
    }

    @Test
    void otherEventsAndVagueCrowdsAreNotCounted() {
        assertTrue(counts("At least six more people have been wounded since last weekend.").isEmpty());
        assertTrue(counts("Dozens of protesters marched downtown.").isEmpty());
    }
}
