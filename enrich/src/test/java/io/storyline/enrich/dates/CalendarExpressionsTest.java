package io.storyline.enrich.dates;

import static io.storyline.enrich.dates.Tagging.expect;
import static io.storyline.enrich.dates.Tagging.expectAll;

import org.junit.jupiter.api.Test;

/** Dates that name calendar units: days, months, years, decades, centuries, seasons, quarters, holidays. */
class CalendarExpressionsTest {

    private static final String THURSDAY = "2024-11-21";

    @Test
    void fullDatesInTheUsualNewsForms() {
        expect("The treaty was signed on March 5, 1946, in Paris.", THURSDAY, "March 5, 1946", "DATE", "1946-03-05");
        expect("The treaty was signed on 5 March 1946 in Paris.", THURSDAY, "5 March 1946", "DATE", "1946-03-05");
        expect("Filed Sept. 27, 1989 with the regulator.", THURSDAY, "Sept. 27, 1989", "DATE", "1989-09-27");
        expect("The log entry reads 2024-11-19 in the margin.", THURSDAY, "2024-11-19", "DATE", "2024-11-19");
        expect("The form was dated 11/19/2024 by the clerk.", THURSDAY, "11/19/2024", "DATE", "2024-11-19");
        expect("It aired on the twenty-first of November, 2023.", THURSDAY, "the twenty-first of November, 2023",
                "DATE", "2023-11-21");
    }

    @Test
    void aWeekdayBeforeADateBelongsToIt() {
        expect("The paper said in an editorial on Monday, Oct. 26: enough.", "1998-10-27", "Monday, Oct. 26", "DATE",
                "1998-10-26");
    }

    @Test
    void monthsWithAndWithoutYears() {
        expect("Production stopped in July 1997 and never resumed.", THURSDAY, "July 1997", "DATE", "1997-07");
        expect("Exports grew in October.", THURSDAY, "October", "DATE", "2024-10");
        expect("The plant reopened in January of 2020.", THURSDAY, "January of 2020", "DATE", "2020-01");
    }

    @Test
    void mayAndMarchAreMonthsOnlyWhereTheyCannotBeVerbs() {
        expectAll("Officials may march on the capital, and troops March in formation.", THURSDAY);
        expect("The vote was held in May.", THURSDAY, "May", "DATE", "2024-05");
    }

    @Test
    void yearsButNotCounts() {
        expect("The company was founded in 1987.", THURSDAY, "1987", "DATE", "1987");
        expectAll("About 1500 people and 2000 troops were moved.", THURSDAY);
        expect("Results for fiscal 1998 were flat.", THURSDAY, "fiscal 1998", "DATE", "1998");
        expect("In nineteen ninety-six the plant closed.", THURSDAY, "nineteen ninety-six", "DATE", "1996");
    }

    @Test
    void decadesAndCenturies() {
        expect("Prices soared in the 1990s.", THURSDAY, "the 1990s", "DATE", "199");
        expect("Prices soared in the late '70s.", THURSDAY, "the late '70s", "DATE", "197");
        expect("The empire grew in the 11th century.", THURSDAY, "the 11th century", "DATE", "10");
    }

    @Test
    void pricesAndCountsWithAnSAreNoDecades() {
        expectAll("The stock fell to the high $3.40s and may settle in the $4.40s.", THURSDAY);
        expectAll("Bids came in the 1,000s, then in the $1990s.", THURSDAY);
        expectAll("Temperatures were in the '100s all week.", THURSDAY);
        expect("The stock fell to the high $3.40s from the 1990s.", THURSDAY, "the 1990s", "DATE", "199");
    }

    @Test
    void seasonsNeedADeterminerWhenTheWordIsAlsoAVerb() {
        expect("Talks collapsed last fall.", "1998-02-06", "last fall", "DATE", "1997-FA");
        expect("Work starts this summer.", "1998-03-22", "this summer", "DATE", "1998-SU");
        expect("Snow fell in the winter of 1994.", THURSDAY, "the winter of 1994", "DATE", "1994-WI");
        expectAll("Prices fall when supply rises.", THURSDAY);
    }

    @Test
    void quartersAndHalves() {
        expect("Profit rose in the third quarter.", "1989-10-26", "the third quarter", "DATE", "1989-Q3");
        expect("Third-quarter profit rose.", "1989-10-26", "Third-quarter", "DATE", "1989-Q3");
        expect("Sales fell in last year's third quarter.", "1989-10-26", "last year's third quarter", "DATE", "1988-Q3");
        expect("Sales fell in the fourth quarter of 1990.", THURSDAY, "the fourth quarter of 1990", "DATE", "1990-Q4");
        expect("Losses narrowed in the first half of 1990.", THURSDAY, "the first half of 1990", "DATE", "1990-H1");
        expect("Sales rose in the latest quarter.", "1989-10-26", "the latest quarter", "DATE", "1989-Q3");
    }

    @Test
    void holidaysFollowTheirRules() {
        expect("Stores close on Thanksgiving Day.", "1999-11-01", "Thanksgiving Day", "DATE", "1999-11-25");
        expect("Turnout was low on Election Day 1998.", THURSDAY, "Election Day 1998", "DATE", "1998-11-03");
        expect("The parade was held on Easter.", "2024-04-10", "Easter", "DATE", "2024-03-31");
    }
}
