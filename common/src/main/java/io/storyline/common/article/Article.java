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
        String contentHash) implements Validated {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void validate() {
        FutureSchemaVersionException.requireKnown("the article's", schemaVersion, SCHEMA_VERSION);
        InvalidRecordException.requireText(id, "id");
        InvalidRecordException.requireText(body, "body");
        InvalidRecordException.requireText(contentHash, "content_hash");
        InvalidRecordException.require(publishedAt == null || parseDate(publishedAt) != null,
                "published_at '" + publishedAt + "' is not an ISO-8601 date or date-time");
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
