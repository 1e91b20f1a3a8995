package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static final Tokenizer TOKENIZER = Lexicon.load().tokenizer();

    private static List<String> texts(String text) {
        return TOKENIZER.tokenize(text).stream().map(Token::text).collect(Collectors.toList());
    }

    @Test
    void abbreviationsKeepTheirPeriodAndSentenceEndsDoNot() {
        assertEquals(List.of("Sept.", "30", ",", "at", "10", "a.m.", "it", "ended", "."),
                texts("Sept. 30, at 10 a.m. it ended."));
    }

    @Test
    void hyphensAndPossessivesAreTokensOfTheirOwnAndGlued() {
        List<Token> tokens = TOKENIZER.tokenize("a 42-year-old's Friday's");
        assertEquals(List.of("a", "42", "-", "year", "-", "old", "'s", "Friday", "'s"),
                tokens.stream().map(Token::text).collect(Collectors.toList()));
        assertFalse(tokens.get(2).spaceBefore());
        assertTrue(tokens.get(1).spaceBefore());
    }

    @Test
    void numbersKeepInnerSeparatorsAndShortSuffixes() {
        assertEquals(List.of("1,000", "3.5", "10:30", "11/21/2024", "1990s", "21st", "'90s", "."),
                texts("1,000 3.5 10:30 11/21/2024 1990s 21st '90s."));
    }

    @Test
    void offsetsAreExact() {
        String text = "  On\tMonday,\u00a0Oct. 26 ";
        for (Token t : TOKENIZER.tokenize(text)) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
        }
    }
}
