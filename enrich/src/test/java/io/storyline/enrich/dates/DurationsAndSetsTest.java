package io.storyline.enrich.dates;

import static io.storyline.enrich.dates.Tagging.expect;
import static io.storyline.enrich.dates.Tagging.expectAll;

import org.junit.jupiter.api.Test;

/** Lengths of time (TIMEX3 DURATION) and recurring times (SET); ages and rates are neither. */
class DurationsAndSetsTest {

    private static final String ANCHOR = "2024-11-21";

    @Test
    void quantitiesOfUnits() {
        expect("The siege lasted two days.", ANCHOR, "two days", "DURATION", "P2D");
        expect("The siege lasted 18 months.", ANCHOR, "18 months", "DURATION", "P18M");
        expect("He served a five-year term.", ANCHOR, "five-year", "DURATION", "P5Y");
        expect("The trial took 2 1/2 years.", ANCHOR, "2 1/2 years", "DURATION", "P2Y6M");
        expect("The flight took 5 1/2 hours.", ANCHOR, "5 1/2 hours", "DURATION", "PT5H30M");
        expect("The strike lasted a day and a half.", ANCHOR, "a day and a half", "DURATION", "P1DT12H");
        expect("The talks lasted two decades.", ANCHOR, "two decades", "DURATION", "P20Y");
        expect("The journey took twenty-four hours.", ANCHOR, "twenty-four hours", "DURATION", "PT24H");
        expect("The index fell for eight trading days.", ANCHOR, "eight trading days", "DURATION", "P8D");
    }

    @Test
    void periodsCountedBackOrAhead() {
        expect("Prices rose over the past three years.", ANCHOR, "the past three years", "DURATION", "P3Y");
        expect("Prices will rise in the next two weeks.", ANCHOR, "the next two weeks", "DURATION", "P2W");
        expect("Profit rose in the first nine months.", ANCHOR, "the first nine months", "DURATION", "P9M");
    }

    @Test
    void approximatorsBelongToTheDuration() {
        expect("The blaze burned for more than four hours.", ANCHOR, "more than four hours", "DURATION", "PT4H");
        expect("The case dragged on for nearly two years.", ANCHOR, "nearly two years", "DURATION", "P2Y");
        expect("The mill shut about a decade ago.", ANCHOR, "about a decade ago", "DATE", "2014");
    }

    @Test
    void vagueQuantities() {
        expect("The talks took several weeks.", ANCHOR, "several weeks", "DURATION", "PXW");
        expect("The feud has lasted for years.", ANCHOR, "years", "DURATION", "PXY");
        expect("Shelling intensified in recent days.", ANCHOR, "recent days", "DURATION", "PXD");
        expect("The mill shut a few years ago.", ANCHOR, "a few years ago", "DATE", "PAST_REF");
    }

    @Test
    void agesAreNotDurations() {
        expectAll("A 42-year-old man was detained.", ANCHOR);
        expectAll("The suspect, 37 years old, was detained.", ANCHOR);
        expectAll("The 50-year-old alliance gained three members.", ANCHOR);
    }

    @Test
    void ratesAndFractionsAreNotDurations() {
        expectAll("The plan saves $500 million a year.", ANCHOR);
        expectAll("The airline adds 700 seats a week.", ANCHOR);
        expectAll("Sales should rise 8% annually.", ANCHOR);
        expectAll("The country imports three-quarters of its grain.", ANCHOR);
    }

    @Test
    void recurringTimes() {
        expect("The ferry sails every week.", ANCHOR, "every week", "SET", "P1W");
        expect("The ferry sails every other day.", ANCHOR, "every other day", "SET", "P2D");
        expect("The ferry sails each Monday.", ANCHOR, "each Monday", "SET", "XXXX-WXX-1");
        expect("The market opens on Tuesday nights.", ANCHOR, "Tuesday nights", "SET", "XXXX-WXX-2TNI");
        expect("Rallies are held daily.", ANCHOR, "daily", "SET", "P1D");
        expect("The board meets twice a year.", ANCHOR, "twice a year", "SET", "P1Y");
        expectAll("The company raised its quarterly dividend.", ANCHOR);
    }
}
