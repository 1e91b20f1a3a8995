package io.storyline.ingest.publish;

/**
 * One {@code news.raw} record the publisher sends.
 *
 * @param key         where it came from ({@code path}, {@code path:line}); names it in reports and dead letters
 * @param value       the bytes as read
 * @param contentType the {@link io.storyline.ingest.format.ContentType#HEADER} value, null to let ingest sniff
 */
public record OutgoingRecord(String key, byte[] value, String contentType) {
}
