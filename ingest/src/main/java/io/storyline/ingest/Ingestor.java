package io.storyline.ingest;

import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.ingest.feed.FeedReader;
import io.storyline.ingest.format.BrokenItem;
import io.storyline.ingest.format.ContentSniffer;
import io.storyline.ingest.format.ContentType;
import io.storyline.ingest.format.HtmlArticleReader;
import io.storyline.ingest.format.HtmlText;
import io.storyline.ingest.format.JsonArticleReader;
import io.storyline.ingest.format.ParsedItem;
import io.storyline.ingest.format.RawItem;
import io.storyline.ingest.format.TextDecoder;
import io.storyline.ingest.normalise.ArticleNormaliser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest without Kafka: one {@code news.raw} record in, its articles and rejected items out. The topology, the
 * offline prediction of article ids and the benchmark all run this same code.
 */
public final class Ingestor {

    private final IngestSettings settings;
    private final ArticleNormaliser normaliser;

    public Ingestor(IngestSettings settings, Clock clock) {
        this.settings = settings;
        this.normaliser = new ArticleNormaliser(settings, clock);
    }

    /**
     * @return one outcome per article the record holds, in order
     * @throws RejectedRecordException when the record as a whole cannot be ingested (undecodable, not a feed, a
     *                                 single article without a body…); its reason code says why
     */
    public List<ItemOutcome> ingest(RawRecord record) {
        try {
            return parseAndNormalise(record);
        } catch (RejectedRecordException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new RejectedRecordException("unexpected-error", "ingest failed on this record ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report it", e);
        }
    }

    private List<ItemOutcome> parseAndNormalise(RawRecord record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            throw new RejectedRecordException("empty-record", "the record has no value");
        }
        if (value.length > settings.maxRecordBytes()) {
            throw new RejectedRecordException("record-too-large", String.format(
                    "the record is %,d bytes, over the limit of %,d (%s)", value.length, settings.maxRecordBytes(),
                    IngestSettings.MAX_RECORD_BYTES));
        }
        ContentType declared = ContentType.fromHeader(record.contentType());
        ContentType type = declared != null ? declared : ContentSniffer.sniff(value);
        if (type == ContentType.FEED) {
            return each(FeedReader.read(value), record);
        }
        String text = TextDecoder.decode(value, ContentType.charsetOf(record.contentType()));
        if (text.isBlank()) {
            throw new RejectedRecordException("empty-record", "the record holds only whitespace");
        }
        return switch (type) {
            case JSON -> {
                JsonArticleReader.JsonDocument document = JsonArticleReader.document(text);
                yield document.array() ? each(document.items(), record) : single(document.items().get(0), record);
            }
            case JSON_LINES -> each(JsonArticleReader.lines(text), record);
            case HTML -> single(HtmlArticleReader.read(text), record);
            default -> single(RawItem.ofBody(text, HtmlText.looksLikeHtml(text), value), record);
        };
    }

    /** A record that is one article: whatever is wrong with the article is wrong with the record. */
    private List<ItemOutcome> single(ParsedItem item, RawRecord record) {
        if (item instanceof BrokenItem broken) {
            throw new RejectedRecordException(broken.reasonCode(), broken.reason());
        }
        return List.of(new ItemOutcome.Accepted(normaliser.normalise((RawItem) item, record.timestamp())));
    }

    /** A record of many articles: a broken one is dead-lettered alone and the others go on. */
    private List<ItemOutcome> each(List<ParsedItem> items, RawRecord record) {
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        int position = 0;
        for (ParsedItem item : items) {
            position++;
            if (item instanceof BrokenItem broken) {
                outcomes.add(new ItemOutcome.Rejected(record.key(), broken.original(), broken.reasonCode(),
                        broken.reason()));
            } else {
                outcomes.add(normaliseItem((RawItem) item, position, record));
            }
        }
        return outcomes;
    }

    private ItemOutcome normaliseItem(RawItem item, int position, RawRecord record) {
        try {
            return new ItemOutcome.Accepted(normaliser.normalise(item, record.timestamp()));
        } catch (RejectedRecordException e) {
            return new ItemOutcome.Rejected(record.key(), item.original(), e.reasonCode(),
                    "item " + position + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new ItemOutcome.Rejected(record.key(), item.original(), "unexpected-error", "item " + position
                    + ": ingest failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report it");
        }
    }
}
