package io.storyline.common.article;

import java.util.Map;

/**
 * What aggregate needs to compare articles cheaply, computed once in enrich.
 *
 * @param simhash 64-bit SimHash of the body's word shingles, as 16 hex digits (JSON numbers lose 64-bit precision)
 * @param terms   normalised body and title terms with their counts
 */
public record Signature(String simhash, Map<String, Integer> terms) {
}
