package io.storyline.common.article;

import java.util.Map;

/**
 * What aggregate needs to compare articles cheaply, computed once in enrich.
 *
 * @param simhash 64-bit SimHash of the body's word shingles, as 16 hex digits (JSON numbers lose 64-bit precision)
 * @param terms   normalised body and title terms with their counts
 * @param minhash MinHash of the body's word 3-shingles: {@link #MINHASH_SIZE} 32-bit minima, each as 8 hex digits,
 *                concatenated; the share of positions two articles agree on estimates the Jaccard similarity of
 *                their shingle sets (how much text one copies from the other). Empty for a body of fewer than three
 *                words; absent in records written before it existed.
 */
public record Signature(String simhash, Map<String, Integer> terms, String minhash) {

    /** Minima in a MinHash signature. */
    public static final int MINHASH_SIZE = 64;

    /** A signature without a MinHash, as written before it existed. */
    public Signature(String simhash, Map<String, Integer> terms) {
        this(simhash, terms, null);
    }
}
