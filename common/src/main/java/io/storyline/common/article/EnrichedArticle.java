package io.storyline.common.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.facts.KeyFacts;
import io.storyline.common.json.Validated;
import java.util.List;

/**
 * An article on {@code news.enriched}: the article's own fields, flat, plus what enrich found in it.
 *
 * @param analysisLanguage the language whose pipeline read the body ({@code en}, {@code de}, {@code fr}, {@code es}),
 *                         or {@value #NOT_ANALYSED} when enrich reads no such language: then {@code entities} and
 *                         {@code dates} are empty and only language-independent fields are set. Null on records
 *                         enriched before the field existed (they were all read as English).
 * @param enrichmentErrors the steps that failed on this article, whose parts are left empty; null or empty when
 *                         every step ran (records written before the field existed have none)
 * @param facts what the article reports of its event (killed, injured, date, place, with the sentences); null in
 *              records written before enrich read them
 */
public record EnrichedArticle(
        @JsonUnwrapped Article article,
        List<Entity> entities,
        List<DateMention> dates,
        String eventDate,
        EventDate eventDateEvidence,
        Signature signature,
        String analysisLanguage,
        List<EnrichmentError> enrichmentErrors,
        KeyFacts facts) implements Validated {

    /** The mark of an article no language pipeline read. */
    public static final String NOT_ANALYSED = "none";

    /**
     * An enriched article without the mark of its analysis language, every step of which ran, without facts (records written
     * before those fields existed, tests).
     */
    public EnrichedArticle(Article article, List<Entity> entities, List<DateMention> dates, String eventDate,
                           EventDate eventDateEvidence, Signature signature) {
        this(article, entities, dates, eventDate, eventDateEvidence, signature, null, null, null);
    }

    @Override
    public void validate() {
        InvalidRecordException.require(article != null, "the article fields are missing");
        article.validate();
        InvalidRecordException.require(entities != null, "required field 'entities' is missing");
        InvalidRecordException.require(dates != null, "required field 'dates' is missing");
        InvalidRecordException.require(signature != null, "required field 'signature' is missing");
    }
}
