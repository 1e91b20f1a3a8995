package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTableTest {

    @Test
    void findsTheLongestPhraseAtAToken() {
        PhraseTable<String> table = new PhraseTable<>(false);
        table.add("New York", "state");
        table.add("New York City", "city");
        List<Token> tokens = Tokens.of("in New York City today");
        PhraseTable.Match<String> match = table.longestAt(tokens, 1);
        assertEquals(new PhraseTable.Match<>(1, 4, "city"), match);
        assertNull(table.longestAt(tokens, 0));
    }

    @Test
    void phrasesAreTokenisedLikeArticleText() {
        PhraseTable<String> table = new PhraseTable<>(false);
        table.add("Washington, D.C.", "capital");
        assertEquals("capital", table.longestAt(Tokens.of("Washington , D.C. said"), 0).value());
    }

    @Test
    void caseIsIgnoredOnlyWhenAsked() {
        PhraseTable<String> exact = new PhraseTable<>(false);
        PhraseTable<String> anyCase = new PhraseTable<>(true);
        exact.add("drone", "x");
        anyCase.add("drone", "x");
        assertNull(exact.longestAt(Tokens.of("Drone"), 0));
        assertEquals("x", anyCase.longestAt(Tokens.of("Drone"), 0).value());
    }

    @Test
    void theFirstEntryForANameWins() {
        PhraseTable<String> table = new PhraseTable<>(false);
        table.add("Georgia", "country");
        table.add("Georgia", "state");
        assertEquals("country", table.get("Georgia"));
    }
}
