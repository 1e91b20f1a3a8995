package io.storyline.common.article;

/** Entity types Storyline emits. Strings, not an enum, so readers accept types added later. */
public final class EntityType {
    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String LOCATION = "LOCATION";
    public static final String NATIONALITY = "NATIONALITY";
    public static final String WEAPON = "WEAPON";
    public static final String MISC = "MISC";

    private EntityType() {
    }
}
