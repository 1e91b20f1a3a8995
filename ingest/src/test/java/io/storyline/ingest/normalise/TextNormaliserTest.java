package io.storyline.ingest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void composesToNfc() {
        assertEquals("Café", TextNormaliser.body("Cafe\u0301"));
    }

    @Test
    void keepsLinesAndOneBlankLineBetweenParagraphs() {
        assertEquals("One.\nTwo.\n\nThree.", TextNormaliser.body("\n\n  One.  \r\nTwo.\r\n\r\n\r\n\n  Three.\n\n"));
    }

    @Test
    void collapsesUnicodeSpacesAndDropsInvisibleCharacters() {
        assertEquals("a b c d", TextNormaliser.body("a\u00A0\u2003b\t\tc\u200B \uFEFFd\u0007"));
    }

    @Test
    void paragraphSeparatorsBecomeBlankLines() {
        assertEquals("One.\n\nTwo.", TextNormaliser.body("One.\u2029Two."));
    }

    @Test
    void lineFieldsBecomeOneLine() {
        assertEquals("Floods force evacuation", TextNormaliser.line("  Floods\n force \t evacuation "));
        assertNull(TextNormaliser.line(" \n "));
    }
}
