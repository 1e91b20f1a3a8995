package io.storyline.aggregate.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void namesCompareWithoutCaseOrAccents() {
        assertEquals(Similarity.entityKey("PERSON|Martin Fuentes"), Similarity.entityKey("PERSON|Martín  Fuentes"));
        assertEquals(Similarity.entityKey("LOCATION|Zurich"), Similarity.entityKey("LOCATION|ZÜRICH"));
        assertEquals("e:location|sao paulo", Similarity.entityKey("LOCATION|São Paulo"));
    }

    @Test
    void peopleCompareByFullNameAndTypesStayApart() {
        assertNotEquals(Similarity.entityKey("PERSON|Tom Moore"), Similarity.entityKey("PERSON|Ann Moore"));
        assertNotEquals(Similarity.entityKey("PERSON|Jordan"), Similarity.entityKey("LOCATION|Jordan"));
    }

    @Test
    void weaponsAndNationalitiesAreNotCompared() {
        assertNull(Similarity.entityKey("WEAPON|rifle"));
        assertNull(Similarity.entityKey("NATIONALITY|German"));
    }
}
