package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HyphenatedNamesTest {

    private static List<String> joined(String labelled) {
        List<Token> tokens = Tokens.labelled(labelled);
        List<Mention> mentions = SentenceMentions.taggedSpans(tokens);
        HyphenatedNames.join(tokens, mentions);
        return mentions.stream().map(m -> DocumentNames.text(tokens, m) + "=" + m.type()).toList();
    }

    @Test
    void aNameRunsOnOverSpacedHyphens() {
        assertEquals(List.of("Etats - Unis=LOCATION"), joined("aux Etats/LOC - Unis hier"));
        assertEquals(List.of("Paul - Emile Bonjour=PERSON"), joined("M. Paul/PER - Emile/PER Bonjour/PER a dit"));
    }

    @Test
    void particlesBetweenHyphensBelongToTheName() {
        assertEquals(List.of("La Chaux - de - Fonds=LOCATION"), joined("à La/LOC Chaux/LOC - de - Fonds/LOC ce soir"));
    }

    @Test
    void aHyphenBeforeALowerCaseWordEndsTheName() {
        assertEquals(List.of("Genève=LOCATION"), joined("Genève/LOC - samedi soir"));
        assertEquals(List.of("Berne=LOCATION"), joined("Berne/LOC - de toute évidence"));
    }
}
