package io.storyline.enrich.entities;

/**
 * A place a gazetteer knows.
 *
 * @param subtype   {@code COUNTRY}, {@code REGION}, {@code CITY} or {@code AREA}
 * @param country   canonical name of the country it lies in (itself for a country); null for wider areas
 * @param ambiguous the name is also a common person name or word: alone it needs the tagger's agreement
 */
record Place(String canonical, String subtype, String country, boolean ambiguous) {
}
