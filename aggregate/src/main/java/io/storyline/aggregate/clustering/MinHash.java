package io.storyline.aggregate.clustering;

import io.storyline.common.article.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the MinHash of an article's signature: its agreement with another estimates how much text the two
 * share, and its bands (groups of consecutive minima) are the keys under which near-copies meet: two articles
 * sharing 80 % of their shingles agree on a whole band of four with probability 0.8^4 per band, so at least once
 * in sixteen bands with probability above 0.99, while unrelated texts practically never do.
 */
final class MinHash {

    static final int BANDS = 16;
    private static final int HEX_PER_VALUE = 8;
    private static final int HEX_PER_BAND = Signature.MINHASH_SIZE / BANDS * HEX_PER_VALUE;

    private MinHash() {
    }

    /** Absent and empty (a body too short to shingle) are valid; otherwise the full width of hex digits. */
    static boolean valid(String minhash) {
        if (minhash == null || minhash.isEmpty()) {
            return true;
        }
        return minhash.length() == Signature.MINHASH_SIZE * HEX_PER_VALUE
                && minhash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    static boolean present(String minhash) {
        return minhash != null && !minhash.isEmpty();
    }

    /** The share of positions on which two signatures agree. */
    static double agreement(String a, String b) {
        int same = 0;
        for (int i = 0; i < a.length(); i += HEX_PER_VALUE) {
            if (a.regionMatches(i, b, i, HEX_PER_VALUE)) {
                same++;
            }
        }
        return same / (double) Signature.MINHASH_SIZE;
    }

    /** Band keys: the band's number and its minima. */
    static List<String> bands(String minhash) {
        List<String> out = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            out.add(band + ":" + minhash.substring(band * HEX_PER_BAND, (band + 1) * HEX_PER_BAND));
        }
        return out;
    }
}
