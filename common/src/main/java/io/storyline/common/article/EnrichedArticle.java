package io.storyline.common.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.facts.KeyFacts;
import io.storyline.common.json.Validated;
import java.util.List;

/**
 * An article on {@code news.enriched}: the article's own fields, flat, plus what enrich found in it.
 *
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
        KeyFacts facts) implements Validated {

    /** An enriched article without facts, as written before enrich read them. */
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
