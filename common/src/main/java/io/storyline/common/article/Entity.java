package io.storyline.common.article;

/**
 * A named-entity mention in an article body.
 *
 * @param type      see {@link EntityType}
 * @param canonical the name variants of one entity share (Kiev and Kyiv, U.S. and United States)
 * @param start     offset of the first character in {@code body}
 * @param end       offset after the last character in {@code body}
 * @param subtype   finer kind where known: for locations {@code COUNTRY}, {@code REGION}, {@code CITY}
 * @param country   for locations, the country the place lies in (its canonical name), where known
 * @param key       the canonical folded so that one entity written in any language compares equal: lower case, no
 *                  accents, transliteration variants merged ("Wladimir Selenskyj" and "Volodymyr Zelensky" alike);
 *                  for comparing only, never for display. Null on records enriched before it existed.
 */
public record Entity(String text, String type, String canonical, int start, int end, String subtype, String country,
                     String key) {

    /** An entity without a comparison key (records written before keys existed, tests). */
    public Entity(String text, String type, String canonical, int start, int end, String subtype, String country) {
        this(text, type, canonical, start, end, subtype, country, null);
    }
}
