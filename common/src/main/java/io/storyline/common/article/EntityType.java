package io.storyline.common.article;

/** Entity types Storyline emits. Strings, not an enum, so readers accept types added later. */
public final class EntityType {
    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String LOCATION = "LOCATION";
    public static final String NATIONALITY = "NATIONALITY";
    /**
     * Weapons and military platforms. A named system ("Storm Shadow", "Kh-101") has its category as subtype
     * ({@code MISSILE}, {@code AIR_DEFENCE}, {@code AIRCRAFT}, {@code DRONE}, {@code ARMOUR}, {@code SHIP},
     * {@code FIREARM}…) and its proper name as canonical; a common noun ("cruise missiles", "a rifle") has subtype
     * {@code GENERIC} and the singular noun as canonical.
     */
    public static final String WEAPON = "WEAPON";
    public static final String MISC = "MISC";

    private EntityType() {
    }
}
