package io.storyline.ingest.format;

/**
 * One item of a multi-article record (a JSON line, a feed entry) that cannot become an article; the rest of the
 * record goes on.
 *
 * @param original   the item's bytes as they arrived (or a faithful rendering of them)
 * @param reasonCode stable code, as in {@link io.storyline.common.deadletter.RejectedRecordException}
 * @param reason     what is wrong, for a person
 */
public record BrokenItem(byte[] original, String reasonCode, String reason) implements ParsedItem {
}
