package io.storyline.board.incidents;

import java.time.Instant;

/**
 * One article of an incident as the board shows it, from the incident events that named it.
 *
 * @param title       its headline (or lead sentence); null when the board saw no event for it
 * @param publishedAt as precise as its source said
 * @param seenAt      when Storyline received it (the event's time)
 * @param duplicateOf the member it reprints, or null for an original
 */
record Member(String articleId, String source, String title, String url, String publishedAt, Instant seenAt,
              String duplicateOf) {

    static Member unknown(String articleId) {
        return new Member(articleId, null, null, null, null, null, null);
    }

    Member asReprintOf(String original) {
        return new Member(articleId, source, title, url, publishedAt, seenAt, original);
    }

    /** What a newer event says, keeping what this one knew where the newer says nothing. */
    Member updatedBy(Member newer) {
        return new Member(articleId, or(newer.source, source), or(newer.title, title), or(newer.url, url),
                or(newer.publishedAt, publishedAt), newer.seenAt != null ? newer.seenAt : seenAt,
                or(newer.duplicateOf, duplicateOf));
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
