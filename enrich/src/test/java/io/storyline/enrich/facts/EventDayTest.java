package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day of the sentence that counts the casualties, on articles and date readings made up for this test. */
class EventDayTest {

    private static final CasualtyMentions MENTIONS = new CasualtyMentions();

    private static Article article(String title, String body) {
        return new Article(Article.SCHEMA_VERSION, "t", null, "example.org", title, body, "2025-06-12", "article",
                "en", null, "h");
    }

    /** Date mentions as the time reader would resolve them: text, value, text, value… */
    private static List<DateMention> mentions(String body, String... days) {
        List<DateMention> dates = new ArrayList<>();
        for (int i = 0; i < days.length; i += 2) {
            int at = body.indexOf(days[i]);
            dates.add(new DateMention(days[i], at, at + days[i].length(), days[i + 1], "DATE"));
        }
        return dates;
    }

    private static String value(DateMention told) {
        return told == null ? null : told.value().substring(0, 10);
    }

    /** The day {@link EventDay#inToll} takes. */
    private static String day(String title, String body, String... days) {
        List<Sentence> sentences = Sentences.of(title, body);
        List<Casualty> casualties = new ArrayList<>();
        sentences.forEach(s -> casualties.addAll(MENTIONS.find(s)));
        return value(EventDay.inToll(ArticleToll.of(casualties, 1), casualties, mentions(body, days),
                article(title, body), 1));
    }

    /** The day {@link EventDay#inLead} takes when enrich estimated the day of the mention {@code estimate}. */
    private static String leadDay(String body, String estimate, String... days) {
        return value(EventDay.inLead(Sentences.of("Title", body), mentions(body, days), article("Title", body), 1,
                body.indexOf(estimate)));
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
        assertEquals("2025-06-08", day("Arrest in shooting",
                "On Tuesday, prosecutors announced charges in the killing of a teenager on Sunday.",
                "Tuesday", "2025-06-10", "Sunday", "2025-06-08"), "a day opening the report's sentence is its own");
        assertEquals("2025-06-10", day("Man found dead",
                "On Wednesday, the Millbrook County Sheriff's Office said divers found the body of a man on Tuesday.",
                "Wednesday", "2025-06-11", "Tuesday", "2025-06-10"), "however long the office's name");
    }

    @Test
    void aPhotosDayIsNotTheEvents() {
        assertNull(day("Farmhand killed", "A barn where a farmhand was killed is pictured Monday.",
                "Monday", "2025-06-09"));
    }

    @Test
    void aClockTimeAloneNamesNoDay() {
        assertNull(day("Officer hurt", "An officer was shot around 11 p.m. in the arm.", "11 p.m.", "2025-06-12T23:00"));
    }

    @Test
    void aStampOrAnArrestEstimatedAsTheDayGivesWayToTheLeadsFirstOtherDay() {
        String stamped = "Updated: June 12, 2025\nOfficers answered a call late Wednesday night on the east side.";
        assertEquals("2025-06-11", leadDay(stamped, "June 12, 2025",
                "June 12, 2025", "2025-06-12", "late Wednesday night", "2025-06-11TNI"));
        String arrest = "A man was arrested Thursday. Officers found the car on Tuesday near the river.";
        assertEquals("2025-06-10", leadDay(arrest, "Thursday", "Thursday", "2025-06-12", "Tuesday", "2025-06-10"));
        String plain = "Officers answered a call on Tuesday. They found the car on Wednesday.";
        assertNull(leadDay(plain, "Tuesday", "Tuesday", "2025-06-10", "Wednesday", "2025-06-11"),
                "an estimate the text does not contradict stands");
    }
}
