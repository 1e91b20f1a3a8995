package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EventDate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DateExtractorTest {

    private static final DateExtractor EXTRACTOR = new DateExtractor();

    private static Article article(String body, String publishedAt, String source) {
        return new Article(Article.SCHEMA_VERSION, "a1", null, "test", "title", body, publishedAt, source, "en",
                Instant.parse("2026-03-02T10:00:00Z"), "hash");
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "The strike came on Tuesday, and talks resume on March 3, 2025.";
        List<DateMention> mentions = EXTRACTOR.tag(text, LocalDate.of(2025, 2, 27));
        assertEquals(2, mentions.size());
        for (DateMention m : mentions) {
            assertEquals(m.text(), text.substring(m.start(), m.end()));
        }
        assertEquals("2025-02-25", mentions.get(0).value());
        assertEquals("2025-03-03", mentions.get(1).value());
    }

    @Test
    void trustedPublicationDateAnchorsWeekdaysAndGivesTheEventDate() {
        String body = "A ministry spokesman said on Thursday that a missile hit the plant early Thursday.";
        ArticleDates dates = EXTRACTOR.extract(article(body, "2024-11-21", "article"));
        assertEquals(List.of("2024-11-21", "2024-11-21"), dates.mentions().stream().map(DateMention::value).toList());
        EventDate event = dates.eventDate();
        assertEquals("2024-11-21", event.value());
        assertEquals("DATE_MENTION", event.basis());
    }

    @Test
    void recordTimestampIsReplacedByTheDatesTheTextNames() {
        String body = "Rebels shelled the port on October 9, officials said.\n"
                + "The ceasefire talks were moved two weeks before the summit opens on December 1, 2023.";
        ArticleDates dates = EXTRACTOR.extract(article(body, "2026-03-02", "record_timestamp"));
        DateMention october = dates.mentions().get(0);
        assertEquals("October 9", october.text());
        assertEquals("2023-10-09", october.value());
        assertEquals("2023-10-09", dates.eventDate().value());
        assertEquals(october.start(), dates.eventDate().start());
    }

    @Test
    void oneExtractorServesManyThreadsWithTheSameResults() throws Exception {
        List<String> texts = List.of("The council voted on Tuesday and meets again next week.",
                "Profit rose in the third quarter from a year ago.", "The siege lasted 18 months, until May 2023.",
                "Talks resume two weeks before March 3, 2025, officials said on Friday.");
        LocalDate anchor = LocalDate.of(2024, 11, 21);
        List<List<DateMention>> expected = texts.stream().map(t -> EXTRACTOR.tag(t, anchor)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                runs.add(pool.submit(() -> {
                    for (int repeat = 0; repeat < 50; repeat++) {
                        for (int k = 0; k < texts.size(); k++) {
                            if (!EXTRACTOR.tag(texts.get(k), anchor).equals(expected.get(k))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertEquals(true, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutDatesTheEventDateIsThePublicationDate() {
        ArticleDates dates = EXTRACTOR.extract(article("Nothing here says when.", "2024-05-06T08:00:00Z", "feed"));
        assertEquals(new EventDate("2024-05-06", "PUBLISHED_AT", null, -1), dates.eventDate());
        assertNull(dates.eventDate().text());
    }
}
