package io.storyline.ingest.normalise;

import io.storyline.common.deadletter.RejectedRecordException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A publication date as precise as its source gave it: a calendar day ({@code 2024-11-21}) or an instant with its
 * offset ({@code 2024-11-21T08:15:00+02:00}). Reads ISO-8601 (with or without offset; none means UTC), the RFC 1123
 * dates of RSS and mail headers, and epoch seconds or milliseconds.
 *
 * @param value    the ISO-8601 text {@code news.articles} carries
 * @param earliest the first instant the date can stand for (midnight UTC of a calendar day)
 */
public record PublicationDate(String value, Instant earliest) {

    private static final DateTimeFormatter ISO_LOCAL_SPACE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_SPACE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(ISO_LOCAL_SPACE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_COMPACT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(ISO_LOCAL_SPACE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter RFC_1123_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .parseLenient()
            .optionalStart().appendPattern("EEE, ").optionalEnd()
            .appendPattern("d MMM yyyy HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendLiteral(' ')
            .optionalStart().appendOffset("+HHMM", "GMT").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    private static final List<Function<String, PublicationDate>> READERS = List.of(
            text -> day(LocalDate.parse(text)),
            text -> instant(OffsetDateTime.parse(text)),
            text -> instant(OffsetDateTime.parse(text, OFFSET_SPACE)),
            text -> instant(OffsetDateTime.parse(text, OFFSET_COMPACT)),
            text -> instant(ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toOffsetDateTime()),
            text -> instant(LocalDateTime.parse(text, ISO_LOCAL_SPACE).atOffset(ZoneOffset.UTC)),
            text -> instant(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()),
            text -> instant(ZonedDateTime.parse(text, RFC_1123_LENIENT).toOffsetDateTime()));

    /**
     * @throws RejectedRecordException {@code invalid-date} when no known form reads it
     */
    public static PublicationDate parse(String text) {
        String trimmed = text.strip();
        if (trimmed.matches("\\d{9,13}")) {
            long number = Long.parseLong(trimmed);
            Instant at = trimmed.length() >= 12 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
            return of(at);
        }
        for (Function<String, PublicationDate> reader : READERS) {
            try {
                return reader.apply(trimmed);
            } catch (DateTimeParseException | ArithmeticException e) {
                // next form
            }
        }
        String shown = trimmed.length() > 80 ? trimmed.substring(0, 80) + "…" : trimmed;
        throw new RejectedRecordException("invalid-date", "published_at '" + shown
                + "' is not a date ingest can read; use ISO-8601 such as 2024-11-21 or 2024-11-21T08:15:00Z");
    }

    /** A publication instant known only from a clock or a record timestamp. */
    public static PublicationDate of(Instant at) {
        return instant(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    public static PublicationDate day(LocalDate day) {
        return new PublicationDate(day.toString(), day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static PublicationDate instant(OffsetDateTime at) {
        OffsetDateTime seconds = at.truncatedTo(ChronoUnit.SECONDS);
        return new PublicationDate(seconds.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), seconds.toInstant());
    }
}
