package io.storyline.common.article;

/**
 * One enrichment step that failed on an article: the article went on without that step's part (its entities,
 * dates, event date or signature left empty), and this says which part is missing and why.
 *
 * @param step   the step's name ({@code names}, {@code places}, {@code weapons}, {@code dates}, {@code event_date},
 *               {@code signature}, …)
 * @param reason what went wrong, one line, for a person
 */
public record EnrichmentError(String step, String reason) {
}
