package io.storyline.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storyline.common.deadletter.RejectedRecordException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyCleanerTest {

    private static final String PROSE = "The council met on Monday to discuss the budget.";

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Comment (0)|comments",
            "Comments (12)|comments",
            "14 comments|comments",
            "Bình luận (3)|comments",
            "Leave a comment|comments",
            "View all comments|comments",
            "Share|sharing",
            "Share this article|sharing",
            "Facebook Twitter Email|sharing",
            "Tweet • Print • Email|sharing",
            "Teilen|sharing",
            "The old bridge at dusk. (Photo: Northern Wire)|photo-caption",
            "Crowds gather outside the court (AP Photo/Jane Roe)|photo-caption",
            "Sandbags stacked by the river (Image: Council handout).|photo-caption",
            "Photo: Northern Wire|photo-caption",
            "Image credit: City archive|photo-caption",
            "Read more: Floods across the region|related-links",
            "Related articles|related-links",
            "See also|related-links",
            "You may also like|related-links",
            "Tags: floods, weather, Harlow Bend|tags",
            "Keywords: budget|tags",
            "© 2025 Valley Courier|copyright",
            "Copyright 2025 Example Media. All rights reserved.|copyright",
            "Advertisement|advertising",
            "Scroll to continue with content|advertising",
            "Story continues below advertisement|advertising",
            "Sign up for our morning newsletter|subscription",
            "Follow us on Telegram|subscription",
            "(Reporting by Jane Roe; Editing by John Doe)|credits",
            "3 Pending Comments|comments",
            "Google+|sharing",
            "On Instagram:|sharing",
            "Like this: Like Loading...|sharing",
            "Follow NEWSDESK.EXAMPLE: Facebook, Twitter|subscription",
            "(© 2025 Coast Wire)|copyright",
            "Flooded cellar on Mill Street (Source: Coast Wire)|photo-caption",
            "Please enable JavaScript to watch this video|media-player",
            "Your browser does not support the video tag.|media-player",
            "2:05 Mayor tours the flooded district|media-player",
            "Photos|media-player",
            "View as gallery|media-player",
            "Pause|media-player",
            "3:50|media-player",
            "0:42 / 2:15|media-player",
            "Up next|media-player",
            "Exit fullscreen|media-player",
            "Your notification has been saved.|page-widget",
            "There was a problem saving your notification.|page-widget",
            "We use cookies to improve your experience.|page-widget",
    })
    void dropsEachFamilyOfDebrisWhereverItStands(String debris, String family) {
        CleanedText cleaned = BodyCleaner.clean(PROSE + "\n" + debris + "\nThe vote is due in April.");
        assertEquals(PROSE + "\nThe vote is due in April.", cleaned.body());
        assertEquals(List.of(family), cleaned.droppedLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Related to the budget, the mayor said nothing.",
            "Copyright lawyers said the ruling was narrow.",
            "Share prices fell by 3% on the news.",
            "Comments made by the minister were criticised by the opposition.",
            "Advertising revenue rose for the third year.",
            "Photos of the damage were shared widely online, and the council asked residents to stay away.",
            "(c) the third clause of the agreement was struck out.",
            "4:30 p.m. Police closed the road.",
            "9:05 The minister arrived at the shelter.",
            "Follow the money, the auditor said.",
            "Play resumed after a rain delay of 3:50.",
            "Unemployment rose to 5.1% last year (Source: national statistics office), the highest in a decade and well"
                    + " above the forecast most economists had made in the spring.",
    })
    void keepsProseThatOnlyStartsLikeDebris(String prose) {
        CleanedText cleaned = BodyCleaner.clean(PROSE + "\n" + prose);
        assertEquals(PROSE + "\n" + prose, cleaned.body());
        assertEquals(List.of(), cleaned.droppedLines());
    }

    @Test
    void aCreditClosingALongParagraphGoesButTheParagraphStays() {
        String paragraph = "Residents ".repeat(45) + "waited. (Photo: Northern Wire)";
        CleanedText cleaned = BodyCleaner.clean(paragraph);
        assertEquals(("Residents ".repeat(45) + "waited.").strip(), cleaned.body());
    }

    @Test
    void leadingDateMarkerOnTheFirstSentencesLine() {
        CleanedText cleaned = BodyCleaner.clean("  date 2025-03-11 The river rose overnight.\n\nMore rain is due.");
        assertEquals(LocalDate.of(2025, 3, 11), cleaned.dateMarker());
        assertEquals("The river rose overnight.\n\nMore rain is due.", cleaned.body());
    }

    @Test
    void dateMarkerOnItsOwnLine() {
        CleanedText cleaned = BodyCleaner.clean("Date: 2025-03-11\nThe river rose overnight.");
        assertEquals(LocalDate.of(2025, 3, 11), cleaned.dateMarker());
        assertEquals("The river rose overnight.", cleaned.body());
    }

    @Test
    void aDateLaterInTheTextIsNoMarker() {
        CleanedText cleaned = BodyCleaner.clean("The river rose.\ndate 2025-03-11 was the day.");
        assertNull(cleaned.dateMarker());
    }

    @Test
    void aMarkerThatNamesNoCalendarDayRejectsTheArticle() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> BodyCleaner.clean("date 2025-02-30 The river rose."));
        assertEquals("invalid-date", e.reasonCode());
    }

    @Test
    void trailingSourceLineGivesTheUrlEvenBehindDebris() {
        CleanedText cleaned = BodyCleaner.clean(PROSE + "\nSource: https://news.example/a-1.html.\n\nComment (0)\nShare");
        assertEquals("https://news.example/a-1.html", cleaned.sourceUrl());
        assertEquals(PROSE, cleaned.body());
    }

    @Test
    void trailingSourceLineWithoutUrlNamesTheSource() {
        CleanedText cleaned = BodyCleaner.clean(PROSE + "\nSource: Northern Wire");
        assertEquals("Northern Wire", cleaned.sourceName());
        assertNull(cleaned.sourceUrl());
        assertEquals(PROSE, cleaned.body());
    }

    @Test
    void aSourceLineInsideTheProseIsProse() {
        String text = "Source: officials familiar with the talks said a deal was near.\n" + PROSE;
        CleanedText cleaned = BodyCleaner.clean(text);
        assertEquals(text, cleaned.body());
        assertNull(cleaned.sourceName());
    }
}
