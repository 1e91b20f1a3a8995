package io.storyline.common.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Validated;
import java.util.List;

/**
 * An article on {@code news.enriched}: the article's own fields, flat, plus what enrich found in it.
 *
 * @param enrichmentErrors the steps that failed on this article, whose parts are left empty; null or empty when
 *                         every step ran (records written before the field existed have none)
 */
public record EnrichedArticle(
        @JsonUnwrapped Article article,
        List<Entity> entities,
        List<DateMention> dates,
        String eventDate,
        EventDate eventDateEvidence,
        Signature signature,
        List<EnrichmentError> enrichmentErrors) implements Validated {

    /** An enriched article every step of which ran, as written before {@code enrichment_errors} existed. */
    public EnrichedArticle(Article article, List<Entity> entities, List<DateMention> dates, String eventDate,
                           EventDate eventDateEvidence, Signature signature) {
        this(article, entities, dates, eventDate, eventDateEvidence, signature, null);
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
