package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.facts.KeyFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an event happened, from the words of US articles written for this test (no entities given). */
class EventPlaceTest {

    private static final EventPlace PLACES = new EventPlace(UsGeography.shared());

    private static EventPlace.Found find(String title, String body) {
        return PLACES.find(Sentences.of(title, body), title == null ? 0 : 1, List.of());
    }

    private static KeyFacts.Place us(String city, String region) {
        return new KeyFacts.Place(city, region, UsGeography.COUNTRY);
    }

    @Test
    void aStateNameThatBeginsACitysNameIsNotTheState() {
        assertEquals(us("Kansas City", "Missouri"), find("Bus crash in Kansas City",
                "A bus crashed on Monday in Kansas City. The Kansas City fire chief spoke.").place());
    }

    @Test
    void theDistrictIsTheCapital() {
        assertEquals(us("Washington", "District of Columbia"),
                find("Cyclist struck by car in Northwest D.C.", "A cyclist was hurt on Sunday.").place());
    }

    @Test
    void aParishIsInLouisiana() {
        assertEquals(us(null, "Louisiana"), find("Man shot at camp",
                "Deputies of the Tchefuncte Parish sheriff's office said a man was shot at a hunting camp.").place());
    }

    @Test
    void theHospitalsTownIsNotTheEventsAndTheBronxIsWrittenWithoutItsArticle() {
        assertEquals(us("The Bronx", "New York"), find("Two hurt in fire in the Bronx",
                "Two tenants were hurt in a fire early Monday. They were taken to Syracuse Hospital.").place());
    }

    @Test
    void saintIsWrittenOut() {
        assertEquals(us("Saint Louis", "Missouri"), find(null, "ST. LOUIS (AP) — A warehouse burned overnight.").place());
    }

    @Test
    void aStateTakenFromTheMostPopulousNamesakeIsAGuess() {
        assertTrue(find("Springfield police investigate crash", "A van hit a pole on Friday.").guessed());
        assertFalse(find(null, "SPRINGFIELD, Ore. — A van hit a pole on Friday.").guessed());
    }

    @Test
    void aSentenceRecallingOtherAttacksDoesNotPlaceThisOne() {
        assertEquals(us("Fresno", "California"), find("Warehouse burns", "Fresno police said a warehouse burned "
                + "Monday. The blaze follows a fire in Austin, Texas, where two died.").place());
    }

    @Test
    void aParkNamedAfterSomethingIsNoTownNorIsWhatFollowsTheUnlessItsNameHasIt() {
        assertNull(find("Two hurt in fall", "Two climbers were hurt near Riverside Park, rangers said."));
        assertNull(find("Club fires manager", "The club sits last in the Pacific with two wins."));
    }
}
