package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeaponMatcherTest {

    private final WeaponMatcher matcher = WeaponMatcher.shared();

    private List<String> found(String sentence) {
        List<Token> tokens = Tokens.of(sentence);
        return matcher.find(tokens).stream()
                .map(m -> DocumentNames.text(tokens, m) + "=" + m.canonical() + "/" + m.subtype())
                .toList();
    }

    @Test
    void namedSystemsKeepTheirWholeNameAndCanonicalForm() {
        assertEquals(List.of("Storm Shadow=Storm Shadow/MISSILE", "SCALP=Storm Shadow/MISSILE"),
                found("the army fired Storm Shadow and SCALP at the bridge"));
        assertEquals(List.of("Kinzhal=Kh-47M2 Kinzhal/MISSILE"), found("a Kinzhal hit the airfield"));
    }

    @Test
    void designationsAreFoundByPatternAndListedOnesTakeTheirListedName() {
        assertEquals(List.of("Kh-59=Kh-59/MISSILE", "Su-30SM=Su-30/AIRCRAFT", "T-90M=T-90/ARMOUR"),
                found("a Kh-59 launched from a Su-30SM struck a T-90M"));
        assertEquals(List.of("F-16s=F-16/AIRCRAFT"), found("the first F-16s arrived"));
    }

    @Test
    void designationLikeCodesOutsideTheMilitaryPrefixesAreNotWeapons() {
        assertEquals(List.of(), found("COVID-19 cases rose along I-95 and the G-20 met"));
    }

    @Test
    void ambiguousNamesNeedAWeaponWordNextToThem() {
        assertEquals(List.of("Patriot=Patriot/AIR_DEFENCE"), found("two Patriot batteries were moved"));
        assertEquals(List.of("Patriot=Patriot/AIR_DEFENCE"), found("the US-made Patriot shot it down"));
        assertEquals(List.of(), found("the Patriot Act was renewed"));
    }

    @Test
    void commonWeaponNounsTakeTheirModifiersAndAreMarkedGeneric() {
        assertEquals(List.of("long-range cruise missiles=missile/GENERIC"),
                found("it fired long-range cruise missiles overnight"));
        assertEquals(List.of("heavy machine gun=machine gun/GENERIC"), found("a heavy machine gun was seized"));
        assertEquals(List.of("artillery=artillery/GENERIC"), found("they used artillery again"));
    }

    @Test
    void aWeaponNounThatModifiesAnotherNounIsNotAWeapon() {
        assertEquals(List.of(), found("a debate on gun violence and missile defence"));
    }

    @Test
    void aCapitalisedCommonNounMidSentenceIsAName() {
        assertTrue(found("shares in Shell rose").isEmpty());
        assertEquals(List.of("IEDs=IED/GENERIC"), found("two IEDs exploded"));
    }

    @Test
    void shipsAreFoundByTheirNavysPrefix() {
        assertEquals(List.of("FS Charles de Gaulle=FS Charles de Gaulle/SHIP", "HMS Duncan=HMS Duncan/SHIP"),
                found("the FS Charles de Gaulle and HMS Duncan sailed"));
        assertEquals(List.of(), found("the FS said so"));
    }

    @Test
    void aSuicideBomberIsAPersonNotAnAircraft() {
        assertEquals(List.of("bombers=bomber/GENERIC"), found("two suicide bombers and two bombers"));
    }
}
