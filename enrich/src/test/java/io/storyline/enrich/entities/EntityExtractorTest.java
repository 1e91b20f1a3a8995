package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Entity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole extractor on an article written for this test, in the style of wire coverage of a missile strike. */
class EntityExtractorTest {

    private static final String BODY = """
            Russia struck the Ukrainian city of Dnipro with Kh-101 cruise missiles and a ballistic missile launched \
            from the Astrakhan region early on Thursday, Ukraine's air force said.
            British Prime Minister Keir Starmer called the attack reckless. Starmer said London would keep \
            supplying Storm Shadow missiles, while Washington has allowed Kiev to fire ATACMS at targets in the \
            Bryansk and Kursk regions.
            Kremlin spokesman Dmitry Peskov said President Vladimir Putin had warned the West. Putin has not \
            commented since.
            Kyiv asked for more Patriot batteries and for the Terminal High Altitude Area Defense (THAAD) system \
            made by Lockheed Martin.
            """;

    private static List<Entity> entities;

    @BeforeAll
    static void extractOnce() {
        entities = new EntityExtractor().extract(BODY);
    }

    private static Optional<Entity> first(String text) {
        return entities.stream().filter(e -> e.text().equals(text)).findFirst();
    }

    private static Entity entity(String text) {
        return first(text).orElseThrow(() -> new AssertionError(text + " not found in " + entities));
    }

    @Test
    void offsetsPointAtTheEntityTextInTheBody() {
        assertFalse(entities.isEmpty());
        for (Entity entity : entities) {
            assertEquals(entity.text(), BODY.substring(entity.start(), entity.end()), entity.toString());
        }
    }

    @Test
    void placesHaveSubtypeAndCountry() {
        Entity dnipro = entity("Dnipro");
        assertEquals("LOCATION", dnipro.type());
        assertEquals("CITY", dnipro.subtype());
        assertEquals("Ukraine", dnipro.country());
        assertEquals("REGION", entity("Astrakhan").subtype());
        assertEquals("Russia", entity("Astrakhan").country());
        assertEquals("REGION", entity("Bryansk").subtype());
        assertEquals("REGION", entity("Kursk").subtype());
    }

    @Test
    void variantsShareACanonicalName() {
        assertEquals("Kyiv", entity("Kiev").canonical());
        assertEquals("Kyiv", entity("Kyiv").canonical());
        assertEquals("Keir Starmer", entity("Starmer").canonical());
        assertEquals("PERSON", entity("Starmer").type());
        List<String> putin = entities.stream().filter(e -> e.text().equals("Putin")).map(Entity::canonical).toList();
        assertEquals(List.of("Vladimir Putin"), putin);
    }

    @Test
    void aDatelineInCapitalsIsTheNameWrittenElsewhere() {
        List<Entity> found = new EntityExtractor().extract("""
                ROTTERDAM, Netherlands — Dock workers in Rotterdam walked out on Tuesday. The port of Rotterdam \
                said NATO supplies were not affected.
                """);
        Entity dateline = found.stream().filter(e -> e.text().equals("ROTTERDAM")).findFirst().orElseThrow();
        Entity written = found.stream().filter(e -> e.text().equals("Rotterdam")).findFirst().orElseThrow();
        assertEquals(written.canonical(), dateline.canonical());
        assertEquals(written.type(), dateline.type());
        assertTrue(found.stream().anyMatch(e -> e.text().equals("NATO") && e.canonical().equals("NATO")),
                "an acronym has no twin and keeps its own name");
    }

    @Test
    void peopleAndNationalities() {
        assertEquals("PERSON", entity("Dmitry Peskov").type());
        assertEquals("PERSON", entity("Vladimir Putin").type());
        assertEquals("NATIONALITY", entity("Ukrainian").type());
        assertEquals("Ukraine", entity("Ukrainian").country());
    }

    @Test
    void weaponsAreFoundAndStormIsNotANameOfItsOwn() {
        for (String weapon : List.of("Kh-101", "Storm Shadow", "ATACMS", "Patriot", "THAAD")) {
            assertEquals("WEAPON", entity(weapon).type(), weapon);
        }
        assertEquals("THAAD", entity("Terminal High Altitude Area Defense").canonical());
        assertTrue(first("Storm").isEmpty());
        assertEquals("GENERIC", entity("cruise missiles").subtype());
    }

    @Test
    void organisations() {
        assertEquals("ORGANIZATION", entity("Lockheed Martin").type());
    }
}
