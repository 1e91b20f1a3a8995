package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storyline.common.article.Entity;
import io.storyline.common.article.EntityType;
import io.storyline.enrich.language.EnrichLanguages;
import io.storyline.enrich.language.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** German, French and Spanish names, canonical in English; sentences written for these tests. */
class LocalEntitiesTest {

    private static boolean has(List<Entity> entities, String type, String text, String canonical) {
        return entities.stream().anyMatch(e -> e.type().equals(type) && e.text().equals(text)
                && e.canonical().equals(canonical));
    }

    @Test
    void germanReportOfAStrike() {
        assumeTrue(available(Language.GERMAN), "models left out of this build");
        String body = "Russland hat am Donnerstag die ukrainische Stadt Dnipro mit einer Interkontinentalrakete "
                + "angegriffen. Präsident Wladimir Putin sagte am Abend in Moskau, der Angriff sei eine Antwort "
                + "auf den Einsatz westlicher Raketen. Die Regierung in Kiew verurteilte den Angriff.";
        List<Entity> entities = new EntityExtractor(Language.GERMAN).extract(body);

        assertTrue(has(entities, EntityType.LOCATION, "Moskau", "Moscow"), entities.toString());
        assertTrue(has(entities, EntityType.LOCATION, "Kiew", "Kyiv"), entities.toString());
        assertTrue(has(entities, EntityType.LOCATION, "Russland", "Russia"), entities.toString());
        assertTrue(has(entities, EntityType.LOCATION, "Dnipro", "Dnipro"), entities.toString());
        assertTrue(entities.stream().anyMatch(e -> e.type().equals(EntityType.PERSON)
                && e.key().equals("vladimir putin")), entities.toString());
        assertFalse(entities.stream().anyMatch(e -> e.type().equals(EntityType.PERSON)
                && (e.text().contains("Donnerstag") || e.text().contains("Abend")
                || e.text().contains("Interkontinentalrakete"))), entities.toString());
        assertTrue(entities.stream().anyMatch(e -> e.type().equals(EntityType.WEAPON)
                && e.canonical().equals("intercontinental ballistic missile")), entities.toString());
    }

    @Test
    void frenchAndSpanishPlacesAndCountriesAreNamedInEnglish() {
        assumeTrue(available(Language.FRENCH) && available(Language.SPANISH), "models left out of this build");
        List<Entity> french = new EntityExtractor(Language.FRENCH).extract(
                "Le président Emmanuel Macron a reçu jeudi à Paris le chancelier allemand. La réunion portait sur "
                        + "les livraisons d'armes à l'Ukraine et sur les sanctions contre Moscou.");
        assertTrue(has(french, EntityType.LOCATION, "Moscou", "Moscow"), french.toString());
        assertTrue(has(french, EntityType.LOCATION, "Ukraine", "Ukraine"), french.toString());
        assertTrue(has(french, EntityType.PERSON, "Emmanuel Macron", "Emmanuel Macron"), french.toString());

        List<Entity> spanish = new EntityExtractor(Language.SPANISH).extract(
                "El ministro viajó a Alemania tras el ataque contra la ciudad ucraniana de Odesa. Desde Moscú, el "
                        + "portavoz Dmitri Peskov negó las acusaciones.");
        assertTrue(has(spanish, EntityType.LOCATION, "Moscú", "Moscow"), spanish.toString());
        assertTrue(has(spanish, EntityType.LOCATION, "Alemania", "Germany"), spanish.toString());
        assertTrue(spanish.stream().anyMatch(e -> e.type().equals(EntityType.PERSON)
                && e.key().equals(NameKey.of("Dmitry Peskov"))), spanish.toString());
    }

    @Test
    void englishEntitiesCarryTheSameKeys() {
        assumeTrue(available(Language.GERMAN), "models left out of this build");
        List<Entity> english = new EntityExtractor(Language.ENGLISH).extract(
                "President Vladimir Putin spoke in Moscow on Thursday.");
        List<Entity> german = new EntityExtractor(Language.GERMAN).extract(
                "Präsident Wladimir Putin sprach am Donnerstag in Moskau.");
        for (String text : List.of("Moscow", "Vladimir Putin")) {
            String key = english.stream().filter(e -> e.text().equals(text)).findFirst().orElseThrow().key();
            assertTrue(german.stream().anyMatch(e -> e.key().equals(key)), key + " in " + german);
        }
    }

    @Test
    void keysFoldTransliterations() {
        assertEquals(NameKey.of("Vladimir Putin"), NameKey.of("Wladimir Putin"));
        assertEquals(NameKey.of("Vladimir Putin"), NameKey.of("Vladimir Poutine"));
        assertEquals(NameKey.of("Volodymyr Zelensky"), NameKey.of("Wolodymyr Selenskyj"));
        assertEquals(NameKey.of("Volodymyr Zelenskyy"), NameKey.of("Volodímir Zelenski"));
        assertEquals(NameKey.of("Sergei Lavrov"), NameKey.of("Sergej Lawrow"));
        assertEquals(NameKey.of("Sergei Shoigu"), NameKey.of("Sergueï Choïgou"));
        assertEquals(NameKey.of("Boris Yeltsin"), NameKey.of("Boris Jelzin"));
        assertFalse(NameKey.of("Olaf Scholz").equals(NameKey.of("Keir Starmer")));
    }

    /** Whether this build has the language's models (a build may leave a language out). */
    private static boolean available(Language language) {
        return EnrichLanguages.available().languages().contains(language);
    }

    @Test
    void frenchPersonMentionsStartAtTheirHonorific() {
        assumeTrue(available(Language.FRENCH), "models left out of this build");
        String body = "Le conseiller fédéral M. Gaston Ribaud a reçu hier à Lausanne Mme Odile Perret, qui dirige "
                + "la fondation. M . Ribaud a remercié la fondation.";
        List<Entity> entities = new EntityExtractor(Language.FRENCH).extract(body);
        assertTrue(entities.stream().anyMatch(e -> e.text().equals("M. Gaston Ribaud")
                && e.canonical().equals("Gaston Ribaud")), entities.toString());
        assertTrue(entities.stream().anyMatch(e -> e.text().equals("Mme Odile Perret")), entities.toString());
        assertTrue(entities.stream().anyMatch(e -> e.text().equals("M . Ribaud")
                && e.canonical().equals("Gaston Ribaud")), entities.toString());
        assertFalse(entities.stream().anyMatch(e -> e.text().equals("M")), "an honorific alone is no name");
    }
}
