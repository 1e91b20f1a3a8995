package io.storyline.ingest;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the ingest service accepts and how long it remembers, from {@code storyline.ingest.*} settings.
 *
 * <ul>
 *   <li>{@code storyline.ingest.max.body.bytes} (default 1048576): an article body over this many UTF-8 bytes is
 *       dead-lettered as {@code body-too-large}.</li>
 *   <li>{@code storyline.ingest.max.record.bytes} (default 16777216): a {@code news.raw} record over this size is
 *       dead-lettered as {@code record-too-large}. The topics ({@link Topics#LARGE_RECORD_BYTES}) and ingest's
 *       producer ({@link IngestService#streamsDefaults()}) carry records of the default size, so an oversized
 *       article still reaches the dead-letter topic whole; raise all three together.</li>
 *   <li>{@code storyline.ingest.dedup.retention} (default P7D): how long an article id and its content hashes
 *       are remembered; an exact re-send within this window is dropped, a changed one passes as an update.
 *       Older state expires with its segment of the window store, so state stays bounded.</li>
 *   <li>{@code storyline.ingest.earliest.published} (default 1900-01-01) and
 *       {@code storyline.ingest.future.tolerance} (default P1D): a publication date before the first or later
 *       than the record's timestamp plus the second is dead-lettered as {@code date-out-of-range}.</li>
 *   <li>{@code storyline.ingest.languages} (default {@value #DEFAULT_LANGUAGES}): ISO 639-1 codes the language
 *       detector chooses among; fewer languages, less memory and fewer confusions.</li>
 * </ul>
 */
public record IngestSettings(long maxBodyBytes, long maxRecordBytes, Duration dedupRetention,
                             LocalDate earliestPublished, Duration futureTolerance, List<String> languages) {

    public static final String PREFIX = StorylineConfig.PREFIX + "ingest.";
    public static final String MAX_BODY_BYTES = PREFIX + "max.body.bytes";
    public static final String MAX_RECORD_BYTES = PREFIX + "max.record.bytes";
    public static final String DEDUP_RETENTION = PREFIX + "dedup.retention";
    public static final String EARLIEST_PUBLISHED = PREFIX + "earliest.published";
    public static final String FUTURE_TOLERANCE = PREFIX + "future.tolerance";
    public static final String LANGUAGES = PREFIX + "languages";

    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    public static final long DEFAULT_MAX_RECORD_BYTES = Topics.MAX_RAW_RECORD_BYTES;
    public static final String DEFAULT_LANGUAGES =
            "en,fr,de,es,pt,it,nl,pl,uk,ru,tr,ar,fa,he,hi,zh,ja,ko,vi,id,sv";

    public IngestSettings {
        if (maxBodyBytes < 1) {
            throw new ConfigException(MAX_BODY_BYTES + " must be positive, not " + maxBodyBytes);
        }
        if (maxRecordBytes < 1) {
            throw new ConfigException(MAX_RECORD_BYTES + " must be positive, not " + maxRecordBytes);
        }
        if (dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new ConfigException(DEDUP_RETENTION + " must be a positive duration, not " + dedupRetention);
        }
        if (futureTolerance.isNegative()) {
            throw new ConfigException(FUTURE_TOLERANCE + " must not be negative, not " + futureTolerance);
        }
        languages = List.copyOf(languages);
    }

    public static IngestSettings defaults() {
        return from(StorylineConfig.of(java.util.Map.of()));
    }

    public static IngestSettings from(StorylineConfig config) {
        return new IngestSettings(
                config.longValue(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES),
                config.longValue(MAX_RECORD_BYTES, DEFAULT_MAX_RECORD_BYTES),
                config.duration(DEDUP_RETENTION, Duration.ofDays(7)),
                date(config, EARLIEST_PUBLISHED, LocalDate.of(1900, 1, 1)),
                config.duration(FUTURE_TOLERANCE, Duration.ofDays(1)),
                Arrays.stream(config.string(LANGUAGES, DEFAULT_LANGUAGES).split(","))
                        .map(code -> code.trim().toLowerCase(Locale.ROOT))
                        .filter(code -> !code.isEmpty())
                        .toList());
    }

    public IngestSettings withMaxBodyBytes(long bytes) {
        return new IngestSettings(bytes, maxRecordBytes, dedupRetention, earliestPublished, futureTolerance,
                languages);
    }

    private static LocalDate date(StorylineConfig config, String key, LocalDate defaultValue) {
        String value = config.string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException("setting " + key + " must be a date such as 1900-01-01, not '" + value + "'");
        }
    }
}
