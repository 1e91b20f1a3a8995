package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.enrich.language.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.shared();

    @Test
    void countryVariantsShareOneCanonicalName() {
        for (String name : List.of("US", "U.S.", "United States", "America", "USA")) {
            assertEquals("United States", gazetteer.place(name).canonical(), name);
        }
        for (String name : List.of("UK", "Britain", "United Kingdom", "Great Britain")) {
            assertEquals("United Kingdom", gazetteer.place(name).canonical(), name);
        }
        assertEquals("COUNTRY", gazetteer.place("Ukraine").subtype());
    }

    @Test
    void germanDeclinedPlaceNamesAreTheirNominative() {
        Gazetteer german = Gazetteer.forLanguage(Language.GERMAN);
        assertEquals("Austria", german.place("Österreichs").canonical());
        assertEquals("France", german.place("Frankreichs").canonical());
        assertEquals("United States", german.place("Vereinigten Staaten").canonical());
        assertEquals("Dominican Republic", german.place("Dominikanischen Republik").canonical());
        assertEquals("Moscow", german.place("Moskaus").canonical());
        assertNull(german.place("Marsch"), "no listed nominative, no place");
        assertNull(gazetteer.place("Frankreichs"), "English does not decline");
    }

    @Test
    void declensionOffersNominativeCandidatesOnly() {
        assertTrue(GermanDeclension.nominatives("Hauses").contains("Haus"));
        assertTrue(GermanDeclension.nominatives("Weißen Hauses").contains("Weiße Haus"));
        assertEquals(List.of(), GermanDeclension.nominatives("Berlin"));
    }

    @Test
    void countriesComeFromJavasLocaleDataWithAndForAmpersand() {
        assertEquals("Bosnia and Herzegovina", gazetteer.place("Bosnia & Herzegovina").canonical());
        assertEquals("Trinidad and Tobago", gazetteer.place("Trinidad and Tobago").canonical());
    }

    @Test
    void citiesCarryTheirCountryAndTransliterationsMerge() {
        Place kyiv = gazetteer.place("Kiev");
        assertEquals("Kyiv", kyiv.canonical());
        assertEquals("Ukraine", kyiv.country());
        assertEquals("Kharkiv", gazetteer.place("Kharkov").canonical());
        Place dnipro = gazetteer.place("Dnipro");
        assertEquals("CITY", dnipro.subtype());
        assertEquals("Ukraine", dnipro.country());
        assertEquals("Russia", gazetteer.place("Bryansk").country());
    }

    @Test
    void namesThatArePeopleToAreMarkedAmbiguous() {
        assertTrue(gazetteer.place("Jordan").ambiguous());
        assertTrue(!gazetteer.place("France").ambiguous());
    }

    @Test
    void demonymsFromCoreNlpMapToTheirCountry() {
        PhraseTable.Match<Nationality> match = gazetteer.nationalities.longestAt(Tokens.of("Ukrainian forces"), 0);
        assertEquals("Ukrainian", match.value().adjective());
        assertEquals("Ukraine", match.value().country());
        assertEquals("United Kingdom",
                gazetteer.nationalities.longestAt(Tokens.of("British"), 0).value().country());
    }

    @Test
    void organisationVariantsMerge() {
        assertEquals("NATO", gazetteer.organizations.get("North Atlantic Treaty Organization"));
        assertEquals("United Nations", gazetteer.organizations.get("U.N."));
        assertNull(gazetteer.organizations.get("Acme Widgets"));
    }
}
