package io.storyline.enrich.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TermNormaliserTest {

    @Test
    void dropsTheFunctionWordsOfTheArticlesLanguage() {
        assertNull(TermNormaliser.of("de").term("der"));
        assertNull(TermNormaliser.of("de").term("und"));
        assertNull(TermNormaliser.of("es").term("los"));
        assertNull(TermNormaliser.of("fr").term("les"));
        assertEquals("hochwasser", TermNormaliser.of("de").term("hochwasser"));
    }

    @Test
    void frenchDropsTheElidedArticleNotTheWord() {
        assertEquals("armée", TermNormaliser.of("fr").term("l'armée"));
        assertEquals("incendie", TermNormaliser.of("fr").term("d'incendie"));
        assertNull(TermNormaliser.of("fr").term("qu'il"), "'il' is itself a function word");
    }

    @Test
    void namesKeepTheirWholeForm() {
        assertEquals("francisco", TermNormaliser.of("es").term("francisco"));
        assertEquals("corona", TermNormaliser.of("de").term("corona"));
    }

    @Test
    void englishKeepsItsOwnListAndOtherLanguagesTheirWords() {
        assertNull(TermNormaliser.of("en").term("the"));
        assertEquals("die", TermNormaliser.of("en").term("die"), "an English verb, not a German article");
        assertEquals("der", TermNormaliser.of("it").term("der"));
        assertEquals("der", TermNormaliser.of(null).term("der"));
    }

    @Test
    void aGermanArticlesTermsAreItsContentWords() {
        Map<String, Integer> terms = new SignatureBuilder().build("Hochwasser in Passau",
                "Das Hochwasser der Donau hat in der Nacht die Altstadt von Passau erreicht.", "de").terms();
        assertEquals(Map.of("hochwasser", 2, "passau", 2, "donau", 1, "nacht", 1, "altstadt", 1, "erreicht", 1),
                terms);
    }
}
