package io.storyline.common.article;

/**
 * Why enrich believes the reported event happened on {@code value}.
 *
 * @param value the date, as precise as the evidence allows ({@code 2024-11-21}, {@code 2024-11})
 * @param basis {@code DATE_MENTION} (a date in the text) or {@code PUBLISHED_AT} (no usable date in the text)
 * @param text  the mention that decided it, when the basis is a mention
 * @param start offset of that mention in the body, or -1
 */
public record EventDate(String value, String basis, String text, int start) {
}
