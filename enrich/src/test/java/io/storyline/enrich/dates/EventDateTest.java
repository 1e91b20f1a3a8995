package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.article.Article;
import io.storyline.common.article.EventDate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event-date estimate of {@link DateExtractor#extract}: which named day an article reports on. */
class EventDateTest {

    private static EventDate event(String body, String publishedAt, String source) {
        Article article = new Article(Article.SCHEMA_VERSION, "id", null, "src", "title", body, publishedAt, source,
                "en", Instant.parse("2026-01-05T00:00:00Z"), "hash");
        return Tagging.EXTRACTOR.extract(article).eventDate();
    }

    @Test
    void theDayOfTheEventBeatsTheDayItWasReported() {
        EventDate e = event("Police said Monday that a gunman opened fire at a bar late Saturday night.",
                "2016-07-18", "article");
        assertEquals("2016-07-16", e.value());
        assertEquals("late Saturday night", e.text());
    }

    @Test
    void aDayNamedTwiceBeatsADayNamedOnce() {
        EventDate e = event("Flooding hit the valley on Tuesday. Rescuers worked through Tuesday night, and on "
                + "Wednesday the water fell.", "2024-03-14", "article");
        assertEquals("2024-03-12", e.value());
    }

    @Test
    void futureDaysAndDaysLongAgoAreNotTheEvent() {
        EventDate e = event("The ministry will publish its report on Friday. The dam was built on May 3, 1961.",
                "2024-03-13", "article");
        assertEquals(new EventDate("2024-03-13", "PUBLISHED_AT", null, -1), e);
    }

    @Test
    void aRecordTimestampIsNotTrustedWhenTheTextDatesItself() {
        String body = "Troops shelled the harbour on the morning of June 2, the navy said.\n"
                + "On May 30, parliament had approved the deployment.\n"
                + "The offensive comes a week before the election is held on June 9, 2019.";
        EventDate e = event(body, "2026-01-05T00:00:00Z", "record_timestamp");
        assertEquals("2019-06-02", e.value());
        assertEquals("June 2", e.text());
    }

    @Test
    void aRecordTimestampWithoutDatesInTheTextStaysTheBestGuess() {
        EventDate e = event("A storm knocked out power across the region.", "2026-01-05T00:00:00Z", "record_timestamp");
        assertEquals(new EventDate("2026-01-05", "PUBLISHED_AT", null, -1), e);
    }
}
