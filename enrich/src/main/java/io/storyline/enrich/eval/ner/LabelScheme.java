package io.storyline.enrich.eval.ner;

import io.storyline.common.article.EntityType;
import java.util.List;
import java.util.Map;

/**
 * The labels scoring compares: the gold files' labels (CoNLL's PER/LOC/ORG/MISC, re3d's Person/Location/
 * Organisation/Weapon/MilitaryPlatform…) and Storyline's entity types, both mapped onto PER, LOC, ORG, MISC and
 * WEAPON. Gold labels outside these (re3d's Temporal, Quantity…) are not scored.
 */
final class LabelScheme {

    static final String WEAPON = "WEAPON";
    static final List<String> MAIN = List.of("PER", "LOC", "ORG");

    private static final Map<String, String> GOLD = Map.ofEntries(
            Map.entry("PER", "PER"), Map.entry("Person", "PER"),
            Map.entry("LOC", "LOC"), Map.entry("Location", "LOC"),
            Map.entry("ORG", "ORG"), Map.entry("Organisation", "ORG"), Map.entry("Organization", "ORG"),
            Map.entry("MISC", "MISC"),
            Map.entry("Weapon", WEAPON), Map.entry("MilitaryPlatform", WEAPON));

    private LabelScheme() {
    }

    /** The scored label of a gold label, or null when that kind of name is not scored. */
    static String gold(String label) {
        return GOLD.get(label);
    }

    /**
     * The scored label of a Storyline entity type. Nationalities are MISC in CoNLL; so are named weapons when the
     * gold file has no weapon label.
     */
    static String predicted(String type, boolean goldHasWeapons) {
        return switch (type) {
            case EntityType.PERSON -> "PER";
            case EntityType.LOCATION -> "LOC";
            case EntityType.ORGANIZATION -> "ORG";
            case EntityType.WEAPON -> goldHasWeapons ? WEAPON : "MISC";
            default -> "MISC";
        };
    }
}
