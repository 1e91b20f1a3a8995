package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.enrich.language.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrenchPlacesTest {

    private final FrenchPlaces rules = new FrenchPlaces(Gazetteer.forLanguage(Language.FRENCH));

    private List<String> applied(String labelled) {
        List<Token> tokens = Tokens.labelled(labelled);
        List<Mention> mentions = SentenceMentions.taggedSpans(tokens);
        rules.apply(tokens, mentions);
        return mentions.stream().map(m -> DocumentNames.text(tokens, m) + "=" + m.type()).toList();
    }

    @Test
    void peoplesAreNationalitiesNotPlaces() {
        assertEquals(List.of("Suédois=NATIONALITY", "Autrichiens=NATIONALITY", "Suisses=NATIONALITY"),
                applied("les Suédois/LOC et les Autrichiens/LOC ont battu les Suisses/LOC"));
    }

    @Test
    void aListedPlaceWithAPeoplesSuffixStaysAPlace() {
        assertEquals(List.of("Calais=LOCATION"), applied("le port de Calais/LOC hier"));
        assertEquals(List.of("Amiens=LOCATION"), applied("à Amiens/LOC hier"));
    }

    @Test
    void theArticleBeforeACountryIsNotItsName() {
        assertEquals(List.of("France=LOCATION"), applied("La/LOC France/LOC entend être associée"));
        assertEquals(List.of("La Paz=LOCATION"), applied("à La/LOC Paz/LOC hier"), "a city keeps its article");
    }

    @Test
    void aHyphenatedListedPlaceIsThatPlace() {
        List<Token> tokens = Tokens.labelled("aux Etats/ORG - Unis hier");
        List<Mention> mentions = SentenceMentions.taggedSpans(tokens);
        HyphenatedNames.join(tokens, mentions);
        rules.apply(tokens, mentions);
        assertEquals("United States", mentions.get(0).canonical());
        assertEquals("LOCATION", mentions.get(0).type());
    }

    @Test
    void frenchCapitalsMayLoseTheirAccents() {
        assertEquals("Etats-Unis et Équipe".replace("É", "E"), FrenchSpelling.unaccentedCapitals("États-Unis et Équipe"));
        assertEquals("déjà Etat", FrenchSpelling.unaccentedCapitals("déjà État"));
    }
}
