package io.storyline.common.article;

/**
 * A temporal expression in an article body, normalised the TIMEX3 way against the publication date.
 *
 * @param value TIMEX3 value: {@code 2024-11-21}, {@code 2024-11}, {@code 2024-W47}, {@code P2M}, {@code PRESENT_REF}…
 * @param type  {@code DATE}, {@code TIME}, {@code DURATION} or {@code SET}
 */
public record DateMention(String text, int start, int end, String value, String type) {
}
