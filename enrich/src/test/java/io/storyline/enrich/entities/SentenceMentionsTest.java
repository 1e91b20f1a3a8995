package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceMentionsTest {

    private final SentenceMentions mentions = new SentenceMentions(Gazetteer.shared(), WeaponMatcher.shared());

    private List<String> found(String labelled) {
        List<Token> tokens = Tokens.labelled(labelled);
        return mentions.find(tokens).stream()
                .map(m -> DocumentNames.text(tokens, m) + "=" + m.type() + "/" + m.subtype() + "/" + m.country())
                .toList();
    }

    @Test
    void weaponNamesOverrideWhatTheTaggerMadeOfThem() {
        assertEquals(List.of("Storm Shadow=WEAPON/MISSILE/null", "missiles=WEAPON/GENERIC/null"),
                found("they fired Storm/MISC Shadow missiles"));
    }

    @Test
    void taggedPlacesGetSubtypeAndCountry() {
        assertEquals(List.of("Dnipro=LOCATION/CITY/Ukraine"), found("a strike on Dnipro/LOC today"));
    }

    @Test
    void listedPlacesWrittenInCapitalsAreAdded() {
        assertEquals(List.of("DNIPRO=LOCATION/CITY/Ukraine"), found("DNIPRO , Nov. 21 -- a strike at night"));
        assertEquals(List.of(), found("WAR IS OVER"), "capitals that are no listed place stay words");
    }

    @Test
    void listedPlacesTheTaggerMissedAreAdded() {
        assertEquals(List.of("Bryansk=LOCATION/CITY/Russia"), found("attacks over Bryansk at night"));
    }

    @Test
    void aRegionWordMakesThePlaceARegionAlsoAcrossACoordination() {
        assertEquals(List.of("Astrakhan=LOCATION/REGION/Russia"), found("launched from the Astrakhan/LOC region"));
        assertEquals(List.of("Kursk=LOCATION/REGION/Russia", "Kharkov=LOCATION/REGION/Ukraine"),
                found("the Kursk/LOC and Kharkov/LOC regions"));
    }

    @Test
    void demonymsAreNationalitiesAndAListedNameReplacesTheTaggersPieces() {
        assertEquals(List.of("Russian=NATIONALITY/null/Russia"), found("the Russian/MISC army"));
        assertEquals(List.of("Kryvyi Rih=LOCATION/CITY/Ukraine"), found("in Kryvyi/LOC Rih/PER today"));
    }

    @Test
    void ambiguousPlaceNamesNeedTheTagger() {
        assertEquals(List.of("Jordan=PERSON/null/null"), found("coach Jordan/PER said"));
        assertEquals(List.of("Jordan=LOCATION/COUNTRY/Jordan"), found("flights to Jordan/LOC resumed"));
        assertEquals(List.of(), found("Michael Jordan once said"));
    }

    @Test
    void aListedPlaceTaggedAsAnOrganisationIsAPlaceUnlessTheTaggerLearntTheLanguagesNews() {
        String clubs = "Dnipro/ORG beat Bryansk/ORG at home";
        assertEquals(List.of("Dnipro=LOCATION/CITY/Ukraine", "Bryansk=LOCATION/CITY/Russia"), found(clubs));

        SentenceMentions trusting = new SentenceMentions(Gazetteer.shared(), WeaponMatcher.shared(), true);
        List<Token> tokens = Tokens.labelled(clubs);
        assertEquals(List.of("Dnipro=ORGANIZATION", "Bryansk=ORGANIZATION"), trusting.find(tokens).stream()
                .map(m -> DocumentNames.text(tokens, m) + "=" + m.type()).toList());
    }
}
