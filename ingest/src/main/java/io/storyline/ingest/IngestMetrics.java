package io.storyline.ingest;

/**
 * What ingest counts, for whoever exposes metrics (the runtime hooks this into its meter registry). Calls come
 * from stream threads: implementations must be thread-safe and cheap.
 */
public interface IngestMetrics {

    /** Counts nothing. */
    IngestMetrics NONE = new IngestMetrics() {
    };

    /** An article reached {@code news.articles} for the first time under its id. */
    default void published(String articleId) {
    }

    /** An article with a known id but new content reached {@code news.articles} as an update. */
    default void updated(String articleId) {
    }

    /** An exact re-send (same id, same content hash) was dropped. */
    default void duplicateDropped(String articleId) {
    }

    /** A record or one item of it went to {@code news.dlq}, with the reason code. */
    default void rejected(String reasonCode) {
    }
}
