package io.storyline.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccentsTest {

    @Test
    void lettersLoseTheirMarksAndKeepTheirCase() {
        assertEquals("Zurich, Sao Paulo, Etats-Unis", Accents.strip("Zürich, São Paulo, États-Unis"));
        assertEquals("Ørsted ß", Accents.strip("Ørsted ß"), "letters of their own are no accented letters");
    }
}
