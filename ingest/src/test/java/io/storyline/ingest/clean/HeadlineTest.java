package io.storyline.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    private static final String PARAGRAPH = "The river rose four metres overnight, officials said.";

    @Test
    void aShortUnpunctuatedFirstLineIsTheHeadline() {
        Headline.Split split = Headline.split(null, "Floods force evacuation in Harlow Bend\n\n" + PARAGRAPH);
        assertEquals("Floods force evacuation in Harlow Bend", split.title());
        assertEquals(PARAGRAPH, split.body());
    }

    @Test
    void aBodyRepeatingTheTitleLosesTheRepeat() {
        Headline.Split split = Headline.split("Floods force evacuation", "Floods force evacuation.\n" + PARAGRAPH);
        assertEquals("Floods force evacuation", split.title());
        assertEquals(PARAGRAPH, split.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The river rose four metres overnight, officials said.",
            "KYIV, March 11 (Reuters) -",
            "By Jane Roe and John Doe",
            "Short one",
            "and then the water came back",
    })
    void proseDatelinesAndBylinesAreNoHeadline(String first) {
        Headline.Split split = Headline.split(null, first + "\n" + PARAGRAPH);
        assertEquals(null, split.title());
        assertEquals(first + "\n" + PARAGRAPH, split.body());
    }

    @Test
    void aSingleLineIsAllBody() {
        assertEquals(new Headline.Split(null, "Floods force evacuation in Harlow Bend"),
                Headline.split(null, "Floods force evacuation in Harlow Bend"));
    }
}
