package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.article.DateMention;
import io.storyline.enrich.language.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kinds of Spanish and French date expressions beyond the basics of {@link LocalDatesTest}: lengths of time up to
 * now, streaks, comparisons with the year before, quarters of a named year, days with their hour. Sentences written
 * for these tests.
 */
class LocalDateKindsTest {

    private static final DateExtractor ENGLISH = new DateExtractor(Language.ENGLISH);
    private static final DateExtractor FRENCH = new DateExtractor(Language.FRENCH);
    private static final DateExtractor GERMAN = new DateExtractor(Language.GERMAN);
    private static final DateExtractor SPANISH = new DateExtractor(Language.SPANISH);
    /** A Saturday in the fourth quarter, ISO week 47. */
    private static final String ANCHOR = "2024-11-23";

    private static String values(DateExtractor extractor, String text) {
        List<DateMention> mentions = extractor.tag(text, LocalDate.parse(ANCHOR));
        return mentions.stream().map(m -> m.text() + "=" + m.value()).collect(Collectors.joining("; "));
    }

    @Test
    void aTimeInUtcKeepsItsZoneWhenAWeekdayDatesIt() {
        assertEquals("las 09:30 UTC del martes=2024-11-19T09:30Z",
                values(SPANISH, "La cotización se suspendió a las 09:30 UTC del martes."));
    }

    @Test
    void desdeHaceCountsTheLengthUpToNow() {
        assertEquals("tres meses=P3M", values(SPANISH, "Las negociaciones están bloqueadas desde hace tres meses."));
        assertEquals("más de un año=P1Y", values(SPANISH, "El puente está cerrado desde hace más de un año."));
        // some hours back is still today, as "hace unas horas" alone
        assertEquals("hace unas horas=2024-11-23",
                values(SPANISH, "El tráfico está cortado desde hace unas horas."));
    }

    @Test
    void aStreakEndsInTheCurrentUnit() {
        assertEquals("tercer día consecutivo=2024-11-23", values(SPANISH, "La bolsa cayó por tercer día consecutivo."));
        assertEquals("segundo día consecutivo=2024-11-23",
                values(SPANISH, "Los precios subieron por segundo día consecutivo."));
        assertEquals("la deuxième semaine consécutive=2024-W47",
                values(FRENCH, "Les prix ont augmenté pour la deuxième semaine consécutive."));
    }

    @Test
    void aFractionOfASecondIsWrittenAsADecimal() {
        assertEquals("12,7 secondes=PT12.7S", values(FRENCH, "Il a gagné avec 12,7 secondes d'avance."));
        assertEquals("2.5 seconds=PT2.5S", values(ENGLISH, "She won by 2.5 seconds."));
    }

    @Test
    void theLastQuarterAndQuartersOfADeicticYear() {
        assertEquals("el último trimestre=2024-Q3", values(SPANISH, "Las ventas subieron en el último trimestre."));
        assertEquals("último trimestre de 2023=2023-Q4",
                values(SPANISH, "Las ventas del último trimestre de 2023 fueron récord."));
        assertEquals("el primer trimestre del año pasado=2023-Q1",
                values(SPANISH, "La empresa perdió dinero en el primer trimestre del año pasado."));
        assertEquals("el tercer trimestre de este año=2024-Q3",
                values(SPANISH, "Ganó 300 millones en el tercer trimestre de este año."));
    }

    @Test
    void theYearBeforeCountsFromTheDateMentionedBefore() {
        assertEquals("el año pasado=2023; el año anterior=2022",
                values(SPANISH, "Las exportaciones crecieron el año pasado, pero menos que el año anterior."));
        assertEquals("año anterior=2023", values(SPANISH, "Las ventas cayeron un 10% respecto al año anterior."));
        assertEquals("octubre=2024-10; mismo mes del año anterior=2023-10",
                values(SPANISH, "En octubre las ventas cayeron un 10% respecto al mismo mes del año anterior."));
        assertEquals("el tercer trimestre=2024-Q3; el mismo periodo del año pasado=2023-Q3",
                values(SPANISH, "El banco ganó 500 millones en el tercer trimestre. En el mismo periodo del año pasado"
                        + " había perdido dinero."));
        assertEquals("2023=2023; l'année précédente=2022",
                values(FRENCH, "Les ventes ont baissé en 2023 par rapport à l'année précédente."));
    }

    @Test
    void queVieneIsTheNextUnit() {
        assertEquals("el mes que viene=2024-12", values(SPANISH, "La planta cerrará el mes que viene."));
        assertEquals("marzo del año que viene=2025-03",
                values(SPANISH, "Las obras terminarán en marzo del año que viene."));
    }

    @Test
    void hoursWithoutTheirArticleAreALength() {
        assertEquals("14 horas=PT14H", values(SPANISH, "El avión aterrizó tras 14 horas de vuelo."));
        assertEquals("las 18 horas=2024-11-23T18:00", values(SPANISH, "La reunión empieza a las 18 horas."));
    }

    @Test
    void theSessionOfANamedDayIsThatDay() {
        assertEquals("jueves=2024-11-21",
                values(SPANISH, "El índice subió un 2% al cierre de la jornada del jueves."));
    }

    @Test
    void aDayAndItsHourAreOneTime() {
        assertEquals("hoy a las 10:00=2024-11-23T10:00", values(SPANISH, "El presidente habló hoy a las 10:00."));
        assertEquals("Hier à 15 h=2024-11-22T15:00", values(FRENCH, "Hier à 15 h, le maire a ouvert la séance."));
    }

    @Test
    void halfAUnitAndASingleUnit() {
        assertEquals("media hora=PT30M", values(SPANISH, "El índice perdió 500 puntos en media hora."));
        assertEquals("un mismo día=P1D", values(SPANISH, "Fue la mayor caída en un mismo día."));
    }

    @Test
    void moreThanSomeYearsIsALengthNotAnAge() {
        assertEquals("más de 20 años=P20Y", values(SPANISH, "Es el nivel más bajo en más de 20 años."));
        assertEquals("", values(SPANISH, "Un hombre de 20 años resultó herido."));
    }

    @Test
    void aYearAfterAPrepositionEndsItsClauseAtAColon() {
        assertEquals("1987=1987", values(SPANISH, "Es la peor caída desde 1987: el índice perdió un 20%."));
    }

    @Test
    void recentDatesAnEventButNotAThing() {
        assertEquals("La reciente=PAST_REF", values(SPANISH, "La reciente subida de tipos afectó a los bancos."));
        assertEquals("", values(SPANISH, "Presentó su modelo más reciente."));
        assertEquals("más recientemente=PAST_REF", values(SPANISH, "Y, más recientemente, abrió una tienda."));
    }

    @Test
    void frenchFutureAndImperfectEndingsSetTheDirection() {
        assertEquals("dimanche=2024-11-24", values(FRENCH, "Les habitants pourront voter dimanche."));
        assertEquals("dimanche=2024-11-24", values(FRENCH, "Le maire fera un discours dimanche."));
        assertEquals("mars=2024-03", values(FRENCH, "Les prix augmentaient encore en mars."));
    }

    @Test
    void aGermanOrdinalDayDoesNotEndTheSentence() {
        assertEquals("Donnerstag, 28. November=2024-11-28; 20 Uhr=2024-11-28T20:00",
                values(GERMAN, "Das Konzert findet am Donnerstag, 28. November um 20 Uhr statt."));
    }

    @Test
    void aListingGoesOnToItsNextDayAfterAComma() {
        assertEquals("heute=2024-11-23; 15=2024-11-23T15:00; 20 Uhr=2024-11-23T20:00; morgen=2024-11-24; "
                        + "10=2024-11-24T10:00; 15 Uhr=2024-11-24T15:00",
                values(GERMAN, "Der Markt ist heute 15-20 Uhr, morgen 10-15 Uhr geöffnet."));
    }

    @Test
    void germanLengthsAndAgeLimits() {
        assertEquals("sechs Monaten=P6M", values(GERMAN, "Die Halle wird innerhalb von sechs Monaten umgebaut."));
        assertEquals("", values(GERMAN, "Wählen dürfen alle ab 16 Jahren."));
    }

    @Test
    void spanishYearsAfterANounThatIsNoPersonAreALength() {
        assertEquals("cinco años=P5Y", values(SPANISH, "El club firmó un contrato de cinco años con el jugador."));
        assertEquals("", values(SPANISH, "La directora, de 55 años, dimitió."));
        assertEquals("", values(SPANISH, "Una mujer de 30 años fue detenida."));
    }

    @Test
    void sinceThenAndByThenAreTheDateJustMentioned() {
        assertEquals("2009=2009; desde entonces=2009",
                values(SPANISH, "La empresa salió de la quiebra en 2009 y desde entonces ha crecido."));
        assertEquals("el 10 de diciembre=2024-12-10; Para entonces=2024-12-10",
                values(SPANISH, "La ley se votará el 10 de diciembre. Para entonces habrá un acuerdo."));
        assertEquals("Desde entonces=PAST_REF", values(SPANISH, "Desde entonces nada ha cambiado."));
    }

    @Test
    void frenchAfternoonIsNoNoon() {
        assertEquals("mardi après-midi=2024-11-26TAF", values(FRENCH, "Le conseil se réunira mardi après-midi."));
        assertEquals("l'après-midi=2024-11-23TAF", values(FRENCH, "Le train est arrivé dans l'après-midi."));
        assertEquals("midi=2024-11-23T12:00", values(FRENCH, "Le marché ferme à midi."));
    }
}
