package io.storyline.ingest;

/**
 * One record of {@code news.raw} as ingest sees it.
 *
 * @param key         the record key, possibly null
 * @param value       the bytes a feed published, possibly null
 * @param contentType the {@value io.storyline.ingest.format.ContentType#HEADER} header, null when absent
 * @param timestamp   the record timestamp in epoch milliseconds; the publication date of last resort
 */
public record RawRecord(byte[] key, byte[] value, String contentType, long timestamp) {
}
