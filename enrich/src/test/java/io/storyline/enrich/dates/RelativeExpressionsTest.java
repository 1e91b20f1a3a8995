package io.storyline.enrich.dates;

import static io.storyline.enrich.dates.Tagging.expect;
import static io.storyline.enrich.dates.Tagging.expectAll;

import org.junit.jupiter.api.Test;

/**
 * Expressions resolved against the anchor, the tense or the date mentioned before — including the mistakes
 * SUTime and HeidelTime make (issue 4): weekday direction, the year of a bare month, precision, anchored offsets.
 */
class RelativeExpressionsTest {

    /** A Thursday. */
    private static final String ANCHOR = "2024-11-21";

    @Test
    void aWeekdayAheadInFutureTenseIsTheNextOne() {
        expect("The council will vote on Tuesday.", ANCHOR, "Tuesday", "DATE", "2024-11-26");
        expect("The council is expected to vote on Tuesday.", ANCHOR, "Tuesday", "DATE", "2024-11-26");
        expect("The council is to vote on Tuesday.", ANCHOR, "Tuesday", "DATE", "2024-11-26");
    }

    @Test
    void anOnsetAnnouncedInPastTenseLiesAhead() {
        expect("The union called a strike starting Monday.", ANCHOR, "Monday", "DATE", "2024-11-25");
        expect("Fares rose, effective on Monday.", ANCHOR, "Monday", "DATE", "2024-11-25");
        expect("The union called a strike on Monday.", ANCHOR, "Monday", "DATE", "2024-11-18");
    }

    @Test
    void aWeekdayInPastTenseIsThePreviousOne() {
        expect("The council voted on Tuesday.", ANCHOR, "Tuesday", "DATE", "2024-11-19");
        expect("On Friday, the minister said the deal was off.", ANCHOR, "Friday", "DATE", "2024-11-15");
    }

    @Test
    void theAnchorsOwnWeekdayIsTheAnchor() {
        expect("A spokesman told reporters on Thursday that talks continue.", ANCHOR, "Thursday", "DATE", "2024-11-21");
    }

    @Test
    void lastAndNextWeekdaysSkipTheCurrentDay() {
        expect("They met last Thursday.", ANCHOR, "last Thursday", "DATE", "2024-11-14");
        expect("They meet next Thursday.", ANCHOR, "next Thursday", "DATE", "2024-11-28");
        expect("They meet this coming Sunday.", ANCHOR, "this coming Sunday", "DATE", "2024-11-24");
    }

    @Test
    void aBareMonthInPastTenseIsNotTakenFromTheFuture() {
        expect("Orders collapsed in August, the report said.", "2013-03-15", "August", "DATE", "2012-08");
        expect("Orders will recover in August.", "2013-03-15", "August", "DATE", "2013-08");
    }

    @Test
    void aNearDateStaysNearEvenInPastTenseReporting() {
        expect("The board declared a dividend payable Dec. 15.", "1989-10-26", "Dec. 15", "DATE", "1989-12-15");
    }

    @Test
    void precisionIsThatOfTheExpression() {
        expect("The plant closed four years ago.", "2013-03-21", "four years ago", "DATE", "2009");
        expect("Sales dipped last month.", "2013-03-21", "last month", "DATE", "2013-02");
        expect("Sales dipped two weeks ago.", "2013-03-21", "two weeks ago", "DATE", "2013-W10");
        expect("Sales dipped 10 days ago.", "2013-03-21", "10 days ago", "DATE", "2013-03-11");
        expect("Sales dipped this week.", "2013-03-21", "this week", "DATE", "2013-W12");
        expect("Sales dipped last year.", "2013-03-21", "last year", "DATE", "2012");
        expect("The polls close three hours from now.", "2013-03-21", "three hours from now", "DATE", "2013-03-21");
        expect("The bridge opens two years from now.", "2013-03-21", "two years from now", "DATE", "2015");
    }

    @Test
    void anOffsetFromANamedDateIsAnchoredOnIt() {
        expect("The law passed two months before January 20, 2025.", ANCHOR, "two months before January 20, 2025",
                "DATE", "2024-11-20");
        expect("The vote comes two months before January 20.", ANCHOR, "two months before January 20", "DATE",
                "2024-11-20");
        expect("Polls will close the day before Christmas.", ANCHOR, "the day before Christmas", "DATE", "2024-12-24");
        expect("Polls closed the day before Christmas.", "2024-09-01", "the day before Christmas", "DATE", "2023-12-24");
    }

    @Test
    void anOffsetBeforeAnEventIsADuration() {
        expect("Troops left two months before the election.", ANCHOR, "two months", "DURATION", "P2M");
        expect("Rescuers arrived three days later.", ANCHOR, "three days", "DURATION", "P3D");
    }

    @Test
    void earlierCountsFromTheDateJustMentioned() {
        expectAll("Sales reached $5 million in 1990. A year earlier they were $4 million.", ANCHOR,
                "1990=1990", "A year earlier=1989");
    }

    @Test
    void yearAgoComparesWithTheQuarterReported() {
        expectAll("Profit rose in the third quarter from the year-ago quarter.", "1989-10-26",
                "the third quarter=1989-Q3", "the year-ago quarter=1988-Q3");
        expectAll("Third-quarter net rose to $5 million from $4 million a year ago.", "1989-10-26",
                "Third-quarter=1989-Q3", "a year ago=1988-Q3");
    }

    @Test
    void todayYesterdayTomorrowAndPartsOfDays() {
        expect("The talks resumed yesterday.", ANCHOR, "yesterday", "DATE", "2024-11-20");
        expect("The result is due tomorrow.", ANCHOR, "tomorrow", "DATE", "2024-11-22");
        expect("The shelling started Monday morning.", ANCHOR, "Monday morning", "TIME", "2024-11-18TMO");
        expect("Crowds gathered tonight.", ANCHOR, "tonight", "TIME", "2024-11-21TNI");
        expect("Fighting resumed late yesterday.", ANCHOR, "late yesterday", "DATE", "2024-11-20");
    }

    @Test
    void presentPastAndFutureReferences() {
        expect("The army now controls the bridge.", ANCHOR, "now", "DATE", "PRESENT_REF");
        expect("The road is currently closed.", ANCHOR, "currently", "DATE", "PRESENT_REF");
        expect("The bridge was recently repaired.", ANCHOR, "recently", "DATE", "PAST_REF");
        expect("Nobody knows what the future holds.", ANCHOR, "the future", "DATE", "FUTURE_REF");
    }

    @Test
    void positionWordsExtendTheExpression() {
        expect("The deal closed earlier this year.", ANCHOR, "earlier this year", "DATE", "2024");
        expect("The deal closes early next year.", ANCHOR, "early next year", "DATE", "2025");
        expect("The deal closed in mid-November.", ANCHOR, "mid-November", "DATE", "2024-11");
        expect("The deal closes by the end of the year.", ANCHOR, "the end of the year", "DATE", "2024");
    }

    @Test
    void clockTimesTakeTheDayNamedWithThemOrTheDayJustMentioned() {
        expect("The convoy left at 10 p.m. Wednesday.", ANCHOR, "10 p.m. Wednesday", "TIME", "2024-11-20T22:00");
        expect("The deadline will expire at noon Saturday.", ANCHOR, "noon Saturday", "TIME", "2024-11-23T12:00");
        expectAll("The blast hit on Tuesday. It came at 9:30 a.m. local time.", ANCHOR,
                "Tuesday=2024-11-19", "9:30 a.m. local time=2024-11-19T09:30");
    }

    @Test
    void aTitleInCapitalsIsNotADate() {
        expectAll("He said on the programme \"Face This Week\" that it was over.", ANCHOR);
    }
}
