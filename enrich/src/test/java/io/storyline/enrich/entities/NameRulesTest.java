package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameRulesTest {

    private final SentenceMentions mentions = new SentenceMentions(Gazetteer.shared(), WeaponMatcher.shared());
    private final NameRules rules = new NameRules();

    private List<String> found(String labelled) {
        List<Token> tokens = Tokens.labelled(labelled);
        List<Mention> found = mentions.find(tokens);
        rules.apply(tokens, found);
        return found.stream().map(m -> DocumentNames.text(tokens, m) + "=" + m.type()).toList();
    }

    @Test
    void aLowerCaseTheLeavesTheName() {
        assertEquals(List.of("Pentagon=ORGANIZATION"), found("said the/ORG Pentagon/ORG on"));
    }

    @Test
    void aCapitalisedTheInsideTheSentenceBelongsToTheName() {
        assertEquals(List.of("The Mighty Ducks=ORGANIZATION"), found("fans of The Mighty/ORG Ducks/ORG cheered"));
    }

    @Test
    void aNationalityOrOrdinalBeforeAnOrganisationJoinsIt() {
        assertEquals(List.of("German Air Force=ORGANIZATION"), found("the German/MISC Air/ORG Force/ORG said"));
        assertEquals(List.of("101st Airborne Division=ORGANIZATION"),
                found("the 101st Airborne/ORG Division/ORG moved"));
    }

    @Test
    void theLastWordSettlesTheKindOfName() {
        assertEquals(List.of("Maine Central Railroad=ORGANIZATION"),
                found("bought by Maine/LOC Central/LOC Railroad/LOC then"));
        assertEquals(List.of("Ortega River=LOCATION"), found("crossed the Ortega/PER River/PER at"));
    }

    @Test
    void aNameBeforeACommaAndAKnownRegionIsAPlace() {
        assertEquals(List.of("Debden=LOCATION", "England=LOCATION"), found("based at Debden/PER , England/LOC from"));
        assertEquals(List.of("Smith=PERSON", "Britain=LOCATION"), found("Smith/PER , Britain/LOC 's envoy"));
    }

    @Test
    void namesAfterResidentsOfOrThePortOfArePlaces() {
        assertEquals(List.of("Doel=LOCATION", "Kieldrecht=LOCATION"),
                found("residents of Doel/PER and Kieldrecht/PER were told"));
        assertEquals(List.of("Antwerp-Bruges=LOCATION"), found("the Port of Antwerp-Bruges/PER said"));
        assertEquals(List.of("Dana Okafor=PERSON"),
                found("the sister of Dana/PER Okafor/PER said"), "kinship is no place");
    }

    @Test
    void anUnlistedPlaceBeforeAListedRegionIsACityInThatRegionsCountry() {
        List<Token> tokens = Tokens.labelled("a shooting in Westerville/LOC , Ohio/LOC on Sunday");
        List<Mention> found = mentions.find(tokens);
        rules.apply(tokens, found);
        Mention westerville = found.get(0);
        assertEquals("Westerville", DocumentNames.text(tokens, westerville));
        assertEquals("CITY", westerville.subtype());
        assertEquals("United States", westerville.country());
    }
}
