package io.storyline.board.incidents;

import java.time.Instant;

/**
 * One step of an incident's history: an incident event, or the board's note that another incident was merged
 * into it ({@code type} MERGED with {@code mergedFrom}).
 */
record TimelineEntry(String type, Instant at, String articleId, String source, String articleTitle,
                     String duplicateOf, String mergedInto, String mergedFrom, Integer articleCount,
                     Integer sourceCount) {
}
