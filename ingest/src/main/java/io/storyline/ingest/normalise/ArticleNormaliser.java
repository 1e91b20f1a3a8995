package io.storyline.ingest.normalise;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.clean.BodyCleaner;
import io.storyline.ingest.clean.CleanedText;
import io.storyline.ingest.clean.Headline;
import io.storyline.ingest.format.HtmlText;
import io.storyline.ingest.format.PublishedAtSource;
import io.storyline.ingest.format.RawItem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Turns an article as a parser found it into the canonical {@link Article}: clean text, canonical URL, source,
 * publication date with where it came from, language, id and content hash.
 *
 * <p>An item with a headline but no body once markup and debris are gone (a title-only feed item, a page of video
 * captions and navigation) is still an article: its body is the headline, marked {@code text_origin: headline}
 * so later stages weigh it as the little evidence it is. Only an item with neither is rejected.
 */
public final class ArticleNormaliser {

    /** HTML and debris shrink a body; past this many times the limit, it cannot shrink enough, so stop early. */
    private static final int RAW_BODY_FACTOR = 4;

    private final IngestSettings settings;
    private final LanguageDetection languages;
    private final Clock clock;

    public ArticleNormaliser(IngestSettings settings, Clock clock) {
        this.settings = settings;
        this.languages = LanguageDetection.forLanguages(settings.languages());
        this.clock = clock;
    }

    /**
     * @param recordTimestamp the Kafka record timestamp (epoch ms): the publication date of last resort and the
     *                        reference for "too far in the future"
     * @throws RejectedRecordException with the reason the item cannot become an article
     */
    public Article normalise(RawItem item, long recordTimestamp) {
        String rawBody = item.body() == null ? "" : item.body();
        if (rawBody.length() > settings.maxBodyBytes() * RAW_BODY_FACTOR) {
            throw tooLarge(rawBody.length(), "characters");
        }
        CleanedText cleaned = rawBody.isBlank() ? BodyCleaner.clean("")
                : BodyCleaner.clean(item.html() ? HtmlText.fragmentText(rawBody) : rawBody);
        Headline.Split headline = Headline.split(title(item.title()), cleaned.body());
        String title = headline.title();
        String body = headline.body();
        String textOrigin = item.summary() ? Article.TEXT_SUMMARY : Article.TEXT_BODY;
        if (body.isBlank() || title != null && Headline.same(title, body)) {
            if (title == null) {
                throw new RejectedRecordException("no-text", rawBody.isBlank()
                        ? "the article has neither a headline nor body text"
                        : "the article has no headline, and no body text once markup and page debris are removed");
            }
            body = title;
            textOrigin = Article.TEXT_HEADLINE;
        }
        long bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > settings.maxBodyBytes()) {
            throw tooLarge(bodyBytes, "bytes");
        }
        String url = url(item.url(), cleaned.sourceUrl());
        String source = firstNonNull(TextNormaliser.line(item.source()), TextNormaliser.line(cleaned.sourceName()),
                url == null ? null : CanonicalUrl.sourceOf(url));
        Instant reference = recordTimestamp > 0 ? Instant.ofEpochMilli(recordTimestamp) : clock.instant();
        PublicationDate published;
        PublishedAtSource publishedFrom;
        if (item.publishedAt() != null && !item.publishedAt().isBlank()) {
            published = inRange(PublicationDate.parse(item.publishedAt()), reference);
            publishedFrom = item.publishedAtSource() == null ? PublishedAtSource.ARTICLE : item.publishedAtSource();
        } else if (cleaned.dateMarker() != null) {
            published = inRange(PublicationDate.day(cleaned.dateMarker()), reference);
            publishedFrom = PublishedAtSource.ARTICLE;
        } else {
            published = PublicationDate.of(reference);
            publishedFrom = PublishedAtSource.RECORD_TIMESTAMP;
        }
        String language = LanguageDetection.normaliseTag(item.language());
        if (language == null) {
            language = languages.detect(title == null ? body : title + "\n" + body);
        }
        return new Article(Article.SCHEMA_VERSION, ArticleIdentity.id(item.id(), url, body), url, source, title, body,
                published.value(), publishedFrom.value(), language,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), ArticleIdentity.contentHash(title, body), textOrigin);
    }

    private PublicationDate inRange(PublicationDate date, Instant reference) {
        Instant latest = reference.plus(settings.futureTolerance());
        Instant earliest = settings.earliestPublished().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (date.earliest().isAfter(latest)) {
            throw new RejectedRecordException("date-out-of-range", "published_at " + date.value()
                    + " lies in the future (after " + latest.truncatedTo(ChronoUnit.SECONDS)
                    + ", the record time plus " + settings.futureTolerance() + ")");
        }
        if (date.earliest().isBefore(earliest)) {
            throw new RejectedRecordException("date-out-of-range", "published_at " + date.value()
                    + " is before " + settings.earliestPublished() + " (" + IngestSettings.EARLIEST_PUBLISHED + ")");
        }
        return date;
    }

    private RejectedRecordException tooLarge(long size, String unit) {
        return new RejectedRecordException("body-too-large", String.format(
                "the body is %,d %s, over the limit of %,d bytes (%s); split the article or raise the limit",
                size, unit, settings.maxBodyBytes(), IngestSettings.MAX_BODY_BYTES));
    }

    private static String title(String title) {
        if (title == null) {
            return null;
        }
        return TextNormaliser.line(HtmlText.looksLikeHtml(title) ? HtmlText.fragmentText(title) : title);
    }

    /** The item's own URL must be usable; a {@code Source:} line in the text is a hint, dropped when broken. */
    private static String url(String itemUrl, String sourceLineUrl) {
        if (itemUrl != null && !itemUrl.isBlank()) {
            return CanonicalUrl.of(itemUrl);
        }
        if (sourceLineUrl != null) {
            try {
                return CanonicalUrl.of(sourceLineUrl);
            } catch (RejectedRecordException e) {
                return null;
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
