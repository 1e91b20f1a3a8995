package io.storyline.enrich.dates;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EventDate;
import io.storyline.enrich.language.Language;
import io.storyline.enrich.steps.Steps;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Storyline's rule-based TIMEX3 tagger: finds the dates, times, durations and sets of a text and normalises them
 * against the document's date, and estimates when an article's reported event happened. One tagger reads one
 * language: English with its own grammar ({@link Grammar}), German, French and Spanish with one grammar of shared
 * rules ({@link LocalGrammar}) over each language's word lists; resolution and the event date are the same for all.
 * Immutable and thread-safe; build one per language and share it (building reads the word lists).
 *
 * <p>Anchoring in {@link #extract}: a publication date from the article or its feed is the anchor. A
 * {@code record_timestamp} only says when ingest saw the record, so the text is searched for dates that name their
 * year (see {@link DocumentDate}); when it names some, they date the document, the year-less dates are resolved
 * against them, and the event day found then anchors the final values. Without such dates the timestamp stays the
 * anchor, the best that is known.
 */
public final class DateExtractor {

    /** Publication dates of this source are only when ingest saw the record, not when it was written. */
    static final String RECORD_TIMESTAMP = "record_timestamp";
    private static final int EVENT_WINDOW_DAYS = 10;
    private static final int EVENT_WINDOW_INFERRED_DAYS = 92;

    private final Lexicon lexicon;
    private final Tokenizer tokenizer;
    private final ExpressionGrammar grammar;
    private final MentionResolver resolver;
    private final EventDateEstimator events = new EventDateEstimator(EVENT_WINDOW_DAYS);

    /** The English tagger. */
    public DateExtractor() {
        this(Language.ENGLISH);
    }

    public DateExtractor(Language language) {
        if (language == Language.ENGLISH) {
            this.lexicon = Lexicon.load();
            this.grammar = new Grammar();
        } else {
            this.lexicon = Lexicon.load(language.code() + "/");
            this.grammar = new LocalGrammar(lexicon);
        }
        this.tokenizer = lexicon.tokenizer();
        this.resolver = new MentionResolver(lexicon);
    }

    /**
     * What an article no language pipeline reads still has: no mentions, and its publication day (or the day
     * ingest saw it) as the event date.
     */
    public static ArticleDates undated(Article article) {
        LocalDate day = article.publishedDate() != null ? article.publishedDate()
                : article.ingestedAt() != null ? article.ingestedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
        return new ArticleDates(List.of(), new EventDate(day.toString(), EventDateEstimator.PUBLISHED_AT, null, -1));
    }

    /** TIMEX3 tagging of text against a known document creation date (the eval path). */
    public List<DateMention> tag(String text, LocalDate documentDate) {
        Parsed parsed = parse(text);
        return mentions(resolver.resolve(parsed.text(), parsed.matches(), documentDate));
    }

    /** The service path: mentions in article.body() with offsets into the body, and the event-date estimate. */
    public ArticleDates extract(Article article) {
        return extract(article, Steps.unguarded());
    }

    /**
     * {@link #extract(Article)} in two steps of {@code steps}: a failure to find or resolve the mentions leaves
     * them out ({@link Steps#DATES}; the event date then rests on the publication date), a failure to estimate the
     * event date leaves it out ({@link Steps#EVENT_DATE}; the mentions stay, resolved against what anchored them).
     */
    public ArticleDates extract(Article article, Steps steps) {
        String body = article.body() == null ? "" : article.body();
        Parsed parsed = steps.run(Steps.DATES, Parsed.NONE, () -> parse(body));
        LocalDate published = article.publishedDate();
        if (published != null && !RECORD_TIMESTAMP.equals(article.publishedAtSource())) {
            List<ResolvedMention> resolved = resolve(steps, parsed, published);
            return new ArticleDates(mentions(resolved),
                    steps.run(Steps.EVENT_DATE, null, () -> events.estimate(resolved, published)));
        }
        LocalDate seen = published != null ? published
                : article.ingestedAt() != null ? article.ingestedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
        List<ResolvedMention> provisional = resolve(steps, parsed, seen);
        DocumentDate.Inference inferred = steps.run(Steps.DATES, null, () -> DocumentDate.infer(provisional, seen));
        if (inferred == null) {
            return new ArticleDates(mentions(provisional),
                    steps.run(Steps.EVENT_DATE, null, () -> events.estimate(provisional, seen)));
        }
        List<ResolvedMention> resolved = resolve(steps, parsed, inferred.date());
        EventDate event = steps.run(Steps.EVENT_DATE, null,
                () -> events.estimate(resolved, inferred.date(), EVENT_WINDOW_INFERRED_DAYS));
        if (event == null) {
            return new ArticleDates(mentions(resolved), null);
        }
        if (EventDateEstimator.PUBLISHED_AT.equals(event.basis())) {
            DateMention evidence = inferred.evidence().mention();
            event = new EventDate(inferred.date().toString(), EventDateEstimator.DATE_MENTION, evidence.text(),
                    evidence.start());
            return new ArticleDates(mentions(resolved), event);
        }
        // News is written within days of its event: the event day is a closer anchor than a date named in passing.
        LocalDate eventDay = LocalDate.parse(event.value());
        return new ArticleDates(mentions(resolve(steps, parsed, eventDay)), event);
    }

    private List<ResolvedMention> resolve(Steps steps, Parsed parsed, LocalDate anchor) {
        return steps.run(Steps.DATES, List.of(), () -> resolver.resolve(parsed.text(), parsed.matches(), anchor));
    }

    private record Parsed(TokenizedText text, List<Match> matches) {
        static final Parsed NONE = new Parsed(new TokenizedText("", List.of()), List.of());
    }

    private Parsed parse(String text) {
        TokenizedText tokens = new TokenizedText(text, tokenizer.tokenize(text),
                word -> lexicon.lookup(word, Lexicon.WordClass.MONTH) != null);
        return new Parsed(tokens, grammar.find(new Scan(tokens, lexicon)));
    }

    private static List<DateMention> mentions(List<ResolvedMention> resolved) {
        List<DateMention> out = new ArrayList<>(resolved.size());
        for (ResolvedMention m : resolved) {
            out.add(m.mention());
        }
        return out;
    }
}
