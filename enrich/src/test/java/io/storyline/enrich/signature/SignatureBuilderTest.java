package io.storyline.enrich.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureBuilderTest {

    private static final String BODY = "A fire tore through a furniture warehouse on Orchard Road in Millbrook on "
            + "Monday night, injuring two firefighters who were the first to reach the loading bay. Fire chief Dana "
            + "Okafor said the blaze started near a stack of packing material and spread to the roof within minutes. "
            + "Crews from three neighbouring towns helped to contain it before dawn, and the road stayed closed until "
            + "late morning while inspectors checked the walls. The owner said the building was insured and that the "
            + "forty people who work there would be paid while the company looks for temporary space nearby. "
            + "Investigators have not yet said what caused the fire, but the chief ruled out any danger to homes.";

    private final SignatureBuilder builder = new SignatureBuilder();

    @Test
    void termsAreLowerCasedWordsOfTitleAndBodyWithoutStopwordsOrSingleLetters() {
        Signature signature = builder.build("Warehouse fire", "The warehouse burned: a fire, 2 hurt, 14 rescued.", "en");
        assertEquals(2, signature.terms().get("warehouse"));
        assertEquals(2, signature.terms().get("fire"));
        assertEquals(1, signature.terms().get("14"));
        assertFalse(signature.terms().containsKey("the"));
        assertFalse(signature.terms().containsKey("a"));
        assertFalse(signature.terms().containsKey("2"));
        assertFalse(signature.terms().containsKey("Warehouse"));
    }

    @Test
    void theSimHashIsSixteenHexDigits() {
        String simhash = builder.build(null, BODY, "en").simhash();
        assertEquals(16, simhash.length());
        HexFormat.fromHexDigitsToLong(simhash);
    }

    @Test
    void theMinHashOfAReprintWithEditsAgreesMostlyAndThatOfAnotherTextHardly() {
        String original = builder.build("title", BODY, "en").minhash();
        String edited = builder.build("title", BODY.replace("three neighbouring towns", "three nearby towns")
                + " Photo: staff.", "en").minhash();
        String unrelated = builder.build("title", "Voters in Harlow approved the district school budget on "
                + "Tuesday by a wide margin, superintendent Lee Marsh said, clearing the way for a new library wing "
                + "and two more teachers at the middle school, which has grown since the estate opened.", "en").minhash();
        assertEquals(Signature.MINHASH_SIZE * 8, original.length());
        assertEquals(original, builder.build("other title", BODY, "en").minhash(), "the body alone decides");
        assertTrue(agreement(original, edited) >= 0.8, "agreement " + agreement(original, edited));
        assertTrue(agreement(original, unrelated) <= 0.1, "agreement " + agreement(original, unrelated));
        assertEquals("", builder.build("title", "Too short", "en").minhash());
    }

    @Test
    void theSimHashOfTheSameTextIsTheSameAndOfAnotherTextFarOff() {
        long original = simhash(BODY);
        long unrelated = simhash("Voters in Harlow approved the district school budget on Tuesday by a wide margin, "
                + "superintendent Lee Marsh said, clearing the way for a new library wing and two more teachers at "
                + "the middle school, which has grown by a third since the new housing estate opened last spring.");
        assertEquals(original, simhash(BODY));
        assertTrue(Long.bitCount(original ^ unrelated) > 10, "distance " + Long.bitCount(original ^ unrelated));
    }

    private static double agreement(String a, String b) {
        int same = 0;
        for (int i = 0; i < a.length(); i += 8) {
            if (a.regionMatches(i, b, i, 8)) {
                same++;
            }
        }
        return same / (double) Signature.MINHASH_SIZE;
    }

    private long simhash(String body) {
        return HexFormat.fromHexDigitsToLong(builder.build("title", body, "en").simhash());
    }
}
