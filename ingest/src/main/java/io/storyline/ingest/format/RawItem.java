package io.storyline.ingest.format;

/**
 * An article as a parser extracted it, before normalisation: fields as the source wrote them, any of them null.
 *
 * @param body              the text, plain or HTML ({@code html} says which)
 * @param summary           whether {@code body} is only a summary of the article (a feed item's description, a
 *                          JSON {@code description} or {@code summary} field) rather than its text
 * @param publishedAt       the date as written (ISO-8601, RFC 1123…), or null
 * @param publishedAtSource where {@code publishedAt} came from, null when it is null
 * @param original          the item's own bytes, what a dead letter for this item carries
 */
public record RawItem(String id, String url, String source, String title, String body, boolean html,
                      boolean summary, String publishedAt, PublishedAtSource publishedAtSource, String language,
                      byte[] original)
        implements ParsedItem {

    public static RawItem ofBody(String body, boolean html, byte[] original) {
        return new RawItem(null, null, null, null, body, html, false, null, null, null, original);
    }
}
