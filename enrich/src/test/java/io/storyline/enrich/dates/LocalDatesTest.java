package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.article.DateMention;
import io.storyline.enrich.language.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** German, French and Spanish dates read by each language's word lists; sentences written for these tests. */
class LocalDatesTest {

    private static final DateExtractor GERMAN = new DateExtractor(Language.GERMAN);
    private static final DateExtractor FRENCH = new DateExtractor(Language.FRENCH);
    private static final DateExtractor SPANISH = new DateExtractor(Language.SPANISH);
    /** A Saturday. */
    private static final String ANCHOR = "2024-11-23";

    private static String values(DateExtractor extractor, String text) {
        List<DateMention> mentions = extractor.tag(text, LocalDate.parse(ANCHOR));
        for (DateMention m : mentions) {
            assertEquals(text.substring(m.start(), m.end()), m.text(), "offsets of " + m);
        }
        return mentions.stream().map(m -> m.text() + "=" + m.value()).collect(Collectors.joining("; "));
    }

    @Test
    void germanWeekdaysDatesAndOffsets() {
        assertEquals("Donnerstag=2024-11-21; Abend=2024-11-21TEV",
                values(GERMAN, "Russland hat am Donnerstag die Stadt angegriffen, am Abend sprach der Präsident."));
        assertEquals("vor zwei Tagen=2024-11-21", values(GERMAN, "Die Rakete schlug vor zwei Tagen ein."));
        assertEquals("Freitag, 25. Februar 2022=2022-02-25",
                values(GERMAN, "Die Sitzung fand am Freitag, 25. Februar 2022 statt."));
        assertEquals("20.30 Uhr=2024-11-23T20:30", values(GERMAN, "Beginn ist um 20.30 Uhr im Saal."));
        assertEquals("letzte Woche=2024-W46", values(GERMAN, "Das geschah letzte Woche."));
        assertEquals("Dienstagabend=2024-11-19TEV", values(GERMAN, "Am Dienstagabend brannte eine Scheune."));
        assertEquals("Juli dieses Jahres=2024-07", values(GERMAN, "Der Bau begann im Juli dieses Jahres."));
        assertEquals("drei Jahre=P3Y", values(GERMAN, "Das Projekt dauerte drei Jahre."));
    }

    @Test
    void germanMorgenIsTomorrowOnlyInLowerCase() {
        assertEquals("morgen=2024-11-24", values(GERMAN, "Die Wahl findet morgen statt."));
        assertEquals("", values(GERMAN, "Der Morgen war kalt."));
    }

    @Test
    void germanAgesAreNoDurations() {
        assertEquals("", values(GERMAN, "Der Mann ist 55 Jahre alt. Die 44-Jährige wurde verletzt."));
    }

    @Test
    void frenchDatesAndOffsets() {
        assertEquals("le 3 mars=2024-03-03", values(FRENCH, "Les négociations ont repris le 3 mars."));
        assertEquals("il y a deux jours=2024-11-21", values(FRENCH, "L'incendie a éclaté il y a deux jours."));
        assertEquals("l'année dernière=2023", values(FRENCH, "Les prix ont baissé l'année dernière."));
        assertEquals("jeudi soir=2024-11-21TEV", values(FRENCH, "Une explosion a eu lieu jeudi soir."));
        assertEquals("19 h 30=2024-11-23T19:30", values(FRENCH, "Le match commence à 19 h 30."));
        assertEquals("le 1er mai 2019=2019-05-01", values(FRENCH, "La loi est entrée en vigueur le 1er mai 2019."));
        assertEquals("hier=2024-11-22", values(FRENCH, "Le ministre a démissionné hier."));
    }

    @Test
    void frenchAgesAreNoDurations() {
        assertEquals("hier=2024-11-22", values(FRENCH, "Un homme de 38 ans a été blessé hier."));
    }

    @Test
    void spanishDatesAndOffsets() {
        assertEquals("el 21 de noviembre=2024-11-21",
                values(SPANISH, "El ataque se produjo el 21 de noviembre."));
        assertEquals("hace dos días=2024-11-21", values(SPANISH, "La presa se rompió hace dos días."));
        assertEquals("hace unas horas=2024-11-23", values(SPANISH, "El índice subió hace unas horas."));
        assertEquals("el año pasado=2023", values(SPANISH, "Las exportaciones crecieron el año pasado."));
        assertEquals("las 16:08 UTC=2024-11-23T16:08Z", values(SPANISH, "El índice cayó a las 16:08 UTC."));
        assertEquals("el jueves por la noche=2024-11-21TNI",
                values(SPANISH, "Los bomberos llegaron el jueves por la noche."));
        assertEquals("septiembre del año pasado=2023-09",
                values(SPANISH, "La cifra más alta desde septiembre del año pasado."));
    }

    @Test
    void spanishMananaIsTheMorningAfterAnArticle() {
        assertEquals("mañana=2024-11-24", values(SPANISH, "El juicio empieza mañana."));
        assertEquals("la mañana=2024-11-23TMO", values(SPANISH, "Llovió durante toda la mañana."));
    }

    @Test
    void eventDateOfAGermanReport() {
        io.storyline.common.article.Article article = new io.storyline.common.article.Article(
                io.storyline.common.article.Article.SCHEMA_VERSION, "de-1", null, "test", null,
                "Bei einem Brand in einer Lagerhalle ist am Mittwoch ein Feuerwehrmann verletzt worden.",
                "2024-11-23", "article", "de", null, "h");
        assertEquals("2024-11-20", GERMAN.extract(article).eventDate().value());
    }
}
