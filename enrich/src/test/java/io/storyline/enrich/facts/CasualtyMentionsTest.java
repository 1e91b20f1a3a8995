package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.enrich.facts.Casualty.Kind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void aSentenceRecallingAnotherEventOrWhatMightHaveBeenCountsNothing() {
        assertTrue(counts("A year earlier, a clerk was shot and killed at the same gas station.").isEmpty());
        assertTrue(counts("The attack follows a shooting downtown in which three people died.").isEmpty());
        assertTrue(counts("Last winter, two workers died in a similar collapse.").isEmpty());
        assertTrue(counts("\"Ten people could have been killed in that crush,\" the mayor said.").isEmpty());
    }

    @Test
    void countsOfAPeriodAreNoEventsToll() {
        assertTrue(counts("Since Saturday morning, nine people have been wounded across the county.").isEmpty());
        assertTrue(counts("Three people were killed in less than 30 hours.").isEmpty());
        assertTrue(counts("Two men and a teenager were hurt in four separate shooting incidents on Saturday.").isEmpty());
        assertTrue(counts("3 killed, 12 hurt in holiday shootings").isEmpty());
    }

    @Test
    void anIntentALinkToAnotherStoryAndOlderEventsAreNoToll() {
        assertTrue(counts("He is accused of trying to kill two deputies.").isEmpty());
        assertTrue(counts("He drove at the crowd meaning to scare or kill another driver.").isEmpty());
        assertTrue(counts("Related: Two hikers killed in rock slide").isEmpty());
        assertTrue(counts("The fire broke out two years after a worker died at the same plant.").isEmpty());
    }

    @Test
    void anAgeBetweenCommasIsNoCountAndAnAppositiveAgeNoOtherVictim() {
        assertEquals(Map.of(Kind.DEATH, 1), counts("Dale Smithers, 57, of Millbrook, died at the scene."));
        assertEquals(1, counts("She is accused of killing her cousin, 19-year-old Sam Ortiz, outside a bar.")
                .get(Kind.KILLED));
        assertEquals(2, counts("She was charged in the deaths of a 4-year-old and his grandfather.").get(Kind.KILLED));
    }

    @Test
    void theMissingLeftBehindAreNotAmongTheKilled() {
        assertEquals(1, counts("A mudslide killed a man and left his wife and two sons missing.").get(Kind.KILLED));
    }

    @Test
    void noneSeriouslyHurtIsNoZero() {
        assertTrue(counts("None of the passengers was seriously injured.").isEmpty());
    }

    @Test
    void theLawsDeadlyForceIsNoDeath() {
        assertTrue(counts("He was charged with assault with a deadly weapon and use of deadly force.").isEmpty());
    }

    @Test
    void anotherVictimAfterACountedOne() {
        Map<Kind, Integer> another = counts("The gunman killed two guards, wounding another.");
        assertEquals(2, another.get(Kind.KILLED));
        assertEquals(1, another.get(Kind.INJURED));
    }

    /** One count a sentence states: the victims named after a killing, a count in an event's name, the self-hit. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Detectives treat the teenager's shooting death as a homicide.              | DEATH   | 1",
        "Police made an arrest in the fatal stabbing of a driver and two passengers. | KILLED  | 3",
        "Prosecutors say he murdered four people at the farmhouse.                  | KILLED  | 4",
        "Police are investigating the deaths of two men found in a car.             | KILLED  | 2",
        "Divers recovered the bodies of three climbers on Monday.                   | KILLED  | 3",
        "Deputies found the body of a hiker near the trail.                         | KILLED  | 1",
        "Police are investigating a quadruple shooting on the east side.            | HIT     | 4",
        "Detectives called it a double homicide.                                    | KILLED  | 2",
        "A 12-year-old girl accidentally shot herself while cleaning a rifle.       | HIT     | 1",
        "A hunter shot himself and a cousin while climbing a fence.                | HIT     | 2",
        "Toddler shoots self with uncle's pistol                                    | HIT     | 1",
        "The driver is listed in critical condition.                                | INJURED | 1",
        "The blast sent both himself and a neighbor to the hospital.                | INJURED | 2",
        "The crash sent three passengers to a hospital.                             | INJURED | 3",
    })
    void oneCount(String sentence, Kind kind, int count) {
        assertEquals(count, counts(sentence).get(kind), counts(sentence).toString());
    }
}
