package io.storyline.enrich.entities;

/**
 * An entity found in one sentence, by token positions {@code [start, end)}; becomes an
 * {@link io.storyline.common.article.Entity} once its character offsets and canonical name are settled.
 */
record Mention(int start, int end, String type, String subtype, String canonical, String country) {

    Mention withType(String newType) {
        return new Mention(start, end, newType, subtype, canonical, country);
    }

    Mention withPlace(Place place) {
        return new Mention(start, end, type, place.subtype(), place.canonical(), place.country());
    }

    Mention withSubtype(String newSubtype) {
        return new Mention(start, end, type, newSubtype, canonical, country);
    }

    Mention withCanonical(String newCanonical) {
        return new Mention(start, end, type, subtype, newCanonical, country);
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    boolean overlaps(Mention other) {
        return overlaps(other.start, other.end);
    }
}
