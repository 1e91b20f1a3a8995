package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.DateMention;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Any text, cut anywhere, yields well-formed mentions and no exception. */
class RobustnessTest {

    private static final String DENSE = "On Monday, Oct. 26, 1998, at 10:30 a.m. EST -- two weeks before Nov. 9 and "
            + "the third quarter of fiscal 1999 -- the 42-year-old said every Tuesday night since the 1990s, 2 1/2 "
            + "years ago, the day before Christmas, 11/21/2024, 2024-11-21, last year's first half, Q3, year-end.";

    @Test
    void everyPrefixOfADenseTextIsTaggedWithoutFailing() {
        for (int cut = 0; cut <= DENSE.length(); cut++) {
            check(DENSE.substring(0, cut));
        }
    }

    @Test
    void randomCharactersFromTheDateAlphabetDoNotBreakTheTagger() {
        String alphabet = "0123456789 -/.,:'aApPmMsS" + "JanFebMarchMayTuesdayweekyearsagoquarter";
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(text.toString());
        }
    }

    private static void check(String text) {
        List<DateMention> mentions = Tagging.EXTRACTOR.tag(text, LocalDate.of(2024, 11, 21));
        int previousEnd = 0;
        for (DateMention m : mentions) {
            assertTrue(m.start() >= previousEnd && m.end() > m.start() && m.end() <= text.length(), text);
            assertEquals(text.substring(m.start(), m.end()), m.text(), text);
            previousEnd = m.end();
        }
    }
}
