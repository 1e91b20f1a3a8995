package io.storyline.enrich.dates;

import io.storyline.common.article.DateMention;
import io.storyline.common.article.EventDate;
import java.util.List;

/** What the date extractor found in one article body: the dated mentions and the estimated event date. */
public record ArticleDates(List<DateMention> mentions, EventDate eventDate) {

    public ArticleDates {
        mentions = List.copyOf(mentions);
    }
}
