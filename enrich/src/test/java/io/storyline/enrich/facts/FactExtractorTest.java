package io.storyline.enrich.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.facts.KeyFacts;
import io.storyline.enrich.ArticleEnricher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key facts of general news, through the whole enricher (entities and dates feed the fact reader), on articles
 * invented for this test: an earthquake abroad, a warehouse fire, a bus crash, a dock strike and a shooting.
 */
class FactExtractorTest {

    private static ArticleEnricher enricher;

    @BeforeAll
    static void build() {
        enricher = new ArticleEnricher();
    }

    private static KeyFacts facts(String title, String body, String publishedAt) {
        Article article = new Article(Article.SCHEMA_VERSION, "t", null, "example.org", title, body, publishedAt,
                "article", "en", null, "h");
        return enricher.enrich(article).facts();
    }

    private static KeyFacts factsFrom(String url, String body) {
        Article article = new Article(Article.SCHEMA_VERSION, "t", url, null, "Teen hurt in shooting", body,
                "2025-04-02", "article", "en", null, "h");
        return enricher.enrich(article).facts();
    }

    @Test
    void aLocalReportNamingNoPlaceHappenedWhereItsOutletIs() {
        KeyFacts facts = factsFrom("https://www.wxyz7tulsa.com/news/teen-hurt",
                "A 16-year-old was shot in the leg on Tuesday night in the 400 block of Elm Street, police said.");
        assertEquals(place("Tulsa", "Oklahoma", "United States"), facts.place());
        assertTrue(facts.evidence().stream().anyMatch(e -> e.fact().equals(KeyFacts.PLACE)
                && KeyFacts.Evidence.INFERRED.equals(e.basis())), facts.evidence().toString());
        KeyFacts named = factsFrom("https://www.wxyz7tulsa.com/news/teen-hurt",
                "A 16-year-old was shot in the leg on Tuesday night in Broken Arrow, Oklahoma, police said.");
        assertEquals("Broken Arrow", named.place().city(), "the text's place comes first");
    }

    @Test
    void theOutletsNameIsItsOwnLabelNotASubDomain() {
        OutletPlace outlets = new OutletPlace(UsGeography.shared());
        assertNull(outlets.of("https://mobile.examplenews.com/story"), "Mobile, Alabama is no outlet here");
        assertEquals(place(null, "Oregon", "United States"), outlets.of("https://www.oregondaily.example/x"));
        assertEquals("Jacksonville", outlets.of("https://jacksonvillenow.com/a").city());
        assertEquals("Missouri", outlets.of("https://kansascitynews.com/a").region());
        assertNull(outlets.of("not a link"));
        assertNull(outlets.of(null));
    }

    private static KeyFacts.Place place(String city, String region, String country) {
        return new KeyFacts.Place(city, region, country);
    }

    @Test
    void anEarthquakeAbroadWithARisingToll() {
        KeyFacts facts = facts("Earthquake kills five in western Turkey", """
                IZMIR, Turkey (Reuters) - A magnitude 6.1 earthquake struck western Turkey on Tuesday, killing five \
                people and injuring 42 others, the disaster agency said.
                Rescuers searched collapsed buildings through the night. The death toll rose to seven on Wednesday, \
                officials said.
                """, "2025-03-05");
        assertEquals(7, facts.killed());
        assertEquals(42, facts.injured());
        assertEquals(place("Izmir", null, "Turkey"), facts.place());
        assertEquals("2025-03-04", facts.date());
        assertTrue(facts.evidence().stream().anyMatch(e -> e.fact().equals(KeyFacts.KILLED)
                && e.sentence().startsWith("The death toll rose to seven")), facts.evidence().toString());
    }

    @Test
    void aFireWhereNoOneDied() {
        KeyFacts facts = facts("Warehouse fire injures two firefighters", """
                Two firefighters were injured and no one was killed when a fire tore through a warehouse in \
                Dayton, Ohio, early Sunday, officials said.
                The cause of the blaze is under investigation.
                """, "2025-06-09");
        assertEquals(0, facts.killed());
        assertEquals(2, facts.injured());
        assertEquals(place("Dayton", "Ohio", "United States"), facts.place());
        assertEquals("2025-06-08", facts.date());
    }

    @Test
    void aCrashUnderAUsDateline() {
        KeyFacts facts = facts(null, """
                TOLEDO, Ohio (AP) — A bus carrying students collided with a truck on Interstate 75 on Friday, \
                killing the truck driver and injuring 12 passengers, state police said.
                """, "2025-10-11");
        assertEquals(1, facts.killed());
        assertEquals(12, facts.injured());
        assertEquals(place("Toledo", "Ohio", "United States"), facts.place());
    }

    @Test
    void aStrikeHasAPlaceAndNoToll() {
        KeyFacts facts = facts("Dock workers strike in Rotterdam", """
                Thousands of dock workers walked off the job in Rotterdam on Monday, halting container traffic at \
                Europe's largest port, their union said.
                """, "2025-02-03");
        assertNull(facts.killed());
        assertNull(facts.injured());
        assertEquals(place("Rotterdam", null, "Netherlands"), facts.place());
        assertEquals("2025-02-03", facts.date());
        assertTrue(facts.inferred(KeyFacts.DATE), "a day no toll's sentence names is an estimate");
    }

    @Test
    void aCityAbroadNamedAsAModifierIsNotItsUsNamesake() {
        KeyFacts facts = facts("Warehouse fire at the port", """
                Firefighters were called to a container terminal shortly after 4 a.m., the Rotterdam fire \
                service said. Nobody was hurt.
                """, "2025-02-03");
        assertEquals(place("Rotterdam", null, "Netherlands"), facts.place());
    }

    @Test
    void aShootingInATownTheStateOfWhichTheArticleNames() {
        KeyFacts facts = facts("Man killed, two teens wounded in Macon shooting", """
                Two teens were wounded and a man was shot and killed in a shooting on Saturday night, Macon \
                police said. The Georgia Bureau of Investigation was called in.
                """, "2025-08-17");
        assertEquals(1, facts.killed());
        assertEquals(2, facts.injured());
        assertEquals(place("Macon", "Georgia", "United States"), facts.place());
        assertEquals("2025-08-16", facts.date());
    }

    @Test
    void aCapitalsPossessiveIsItsGovernmentNotThePlace() {
        KeyFacts facts = facts(null, """
                The launch would mark a step up in Moscow's attacks and send a signal to Kyiv's allies, officials said.
                Earlier, missiles struck an industrial plant in the city of Dnipro on Thursday.
                """, "2024-11-22");
        assertEquals(place("Dnipro", null, "Ukraine"), facts.place());
    }

    @Test
    void anExplosionNoOneWasHurtIn() {
        KeyFacts facts = facts(null, """
                A gas explosion destroyed a house in Fargo, N.D., on Thursday. No one was hurt, fire officials said.
                """, "2025-01-10");
        assertEquals(0, facts.injured());
        assertEquals(place("Fargo", "North Dakota", "United States"), facts.place());
    }

    @Test
    void aSentenceDatedLongBeforeTheArticleRecallsAnotherEvent() {
        KeyFacts facts = facts("Seven wounded in shooting at apartment complex", """
                Seven people were wounded when gunmen opened fire on a courtyard late Sunday, police said.
                In November 2022, a man was shot and killed in the same courtyard.
                """, "2025-06-09");
        assertEquals(0, facts.killed());
        assertEquals(7, facts.injured());
        assertEquals("2025-06-08", facts.date());
    }

    @Test
    void theDayOfTheTollsSentenceCountsWithItsTimeOfDay() {
        KeyFacts facts = facts("Suspect appears in court", """
                A suspect appeared in court on Monday. She is accused of fatally stabbing two neighbors late \
                Friday night at a cabin.
                """, "2025-06-09");
        assertEquals(2, facts.killed());
        assertEquals("2025-06-06", facts.date());
        assertTrue(facts.evidence().stream().anyMatch(e -> e.fact().equals(KeyFacts.DATE) && e.basis() == null),
                "a day the toll's sentence names is stated");
    }

    @Test
    void aStationsCreditLineIsNotWhereItHappened() {
        KeyFacts facts = facts("Hunter wounded at campground", """
                KXVO - Tulsa

                A hunter was wounded on Saturday at a campground in Arkansas, rangers said.
                """, "2025-06-09");
        assertEquals(place(null, "Arkansas", "United States"), facts.place());
    }
}
