package io.storyline.ingest.format;

/** Where an article's {@code published_at} came from; the value is what {@code news.articles} carries. */
public enum PublishedAtSource {
    /** The article itself said: a {@code published_at} field, a {@code date} marker, page metadata. */
    ARTICLE("article"),
    /** The feed item (RSS {@code pubDate}, Atom {@code published}) or the feed around it. */
    FEED("feed"),
    /** Nothing said: the Kafka record timestamp stands in, and enrich infers the real date from the text. */
    RECORD_TIMESTAMP("record_timestamp");

    private final String value;

    PublishedAtSource(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
