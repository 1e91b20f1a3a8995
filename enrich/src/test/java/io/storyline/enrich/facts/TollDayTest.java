package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day of the sentence that counts the casualties, on articles and date readings made up for this test. */
class TollDayTest {

    private static final CasualtyMentions MENTIONS = new CasualtyMentions();

    /** The day {@link TollDay} takes, with {@code days} the mentions as the time reader would resolve them. */
    private static String day(String title, String body, String... days) {
        Article article = new Article(Article.SCHEMA_VERSION, "t", null, "example.org", title, body, "2025-06-12",
                "article", "en", null, "h");
        List<Sentence> sentences = Sentences.of(title, body);
        List<Casualty> casualties = new ArrayList<>();
        sentences.forEach(s -> casualties.addAll(MENTIONS.find(s)));
        List<DateMention> dates = new ArrayList<>();
        for (int i = 0; i < days.length; i += 2) {
            int at = body.indexOf(days[i]);
            dates.add(new DateMention(days[i], at, at + days[i].length(), days[i + 1], "DATE"));
        }
        DateMention told = TollDay.of(ArticleToll.of(casualties, 1), casualties, dates, article, 1);
        return told == null ? null : told.value().substring(0, 10);
    }

    @Test
    void theLeadThatRestatesTheHeadlinesTollDatesIt() {
        assertEquals("2025-06-07", day("Man killed in shooting",
                "A man was killed in a shooting on Saturday night, police said.", "Saturday night", "2025-06-07TNI"));
    }

    @Test
    void theDayOfAnArrestOrOfTheReportIsNotTheEvents() {
        assertEquals("2025-06-08", day("Neighbor charged in killing",
                "A neighbor was charged Wednesday in the fatal stabbing of a cook on Sunday.",
                "Wednesday", "2025-06-11", "Sunday", "2025-06-08"));
    }

    @Test
    void aClockTimeAloneNamesNoDay() {
        assertNull(day("Officer hurt", "An officer was shot around 11 p.m. in the arm.", "11 p.m.", "2025-06-12T23:00"));
    }
}
