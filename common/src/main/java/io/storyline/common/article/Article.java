package io.storyline.common.article;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.storyline.common.json.FutureSchemaVersionException;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Validated;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A canonical article on {@code news.articles}, keyed by {@link #id()}.
 *
 * @param publishedAt       ISO-8601 date ({@code 2024-11-21}) or date-time with offset, as precise as the source said
 * @param publishedAtSource where {@code publishedAt} came from: {@code article}, {@code feed} or {@code record_timestamp}
 * @param contentHash       hash of the normalised title and body; a new hash under the same id is a correction
 * @param textOrigin        what {@code body} holds: {@value #TEXT_BODY} (the article's text), {@value #TEXT_SUMMARY}
 *                          (only a feed's summary or description) or {@value #TEXT_HEADLINE} (nothing but the
 *                          headline: the source had no usable body); null in records written before it existed,
 *                          which are {@value #TEXT_BODY}
 */
public record Article(
        int schemaVersion,
        String id,
        String url,
        String source,
        String title,
        String body,
        String publishedAt,
        String publishedAtSource,
        String language,
        Instant ingestedAt,
        String contentHash,
        String textOrigin) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    /** The body is the article's own text. */
    public static final String TEXT_BODY = "body";
    /** The body is a feed's summary or description of the article, not its full text. */
    public static final String TEXT_SUMMARY = "summary";
    /** The body repeats the headline: the source gave nothing else. Less evidence, but still an article. */
    public static final String TEXT_HEADLINE = "headline";

    /** An article as written before {@code text_origin} existed: its body is its text. */
    public Article(int schemaVersion, String id, String url, String source, String title, String body,
                   String publishedAt, String publishedAtSource, String language, Instant ingestedAt,
                   String contentHash) {
        this(schemaVersion, id, url, source, title, body, publishedAt, publishedAtSource, language, ingestedAt,
                contentHash, null);
    }

    @Override
    public void validate() {
        FutureSchemaVersionException.requireKnown("the article's", schemaVersion, SCHEMA_VERSION);
        InvalidRecordException.requireText(id, "id");
        InvalidRecordException.requireText(body, "body");
        InvalidRecordException.requireText(contentHash, "content_hash");
        InvalidRecordException.require(publishedAt == null || parseDate(publishedAt) != null,
                "published_at '" + publishedAt + "' is not an ISO-8601 date or date-time");
    }

    /** Whether the body is only the headline, so the article carries less evidence than its length suggests. */
    @JsonIgnore
    public boolean headlineOnly() {
        return TEXT_HEADLINE.equals(textOrigin);
    }

    /** The calendar day of publication, in the offset the source gave; null when unknown. */
    @JsonIgnore
    public LocalDate publishedDate() {
        return publishedAt == null ? null : parseDate(publishedAt);
    }

    static LocalDate parseDate(String value) {
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value);
            }
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
