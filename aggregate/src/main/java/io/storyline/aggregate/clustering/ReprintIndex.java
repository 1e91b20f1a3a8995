package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds reprints: active articles whose MinHash agrees with a new article's on at least {@code minSimilarity} of
 * its positions. Candidates come from the {@link MinHash#bands} index, so a lookup reads a few short postings
 * lists instead of comparing with every article.
 */
final class ReprintIndex {

    /** Entries read per band at most. */
    static final int BAND_POSTINGS = 256;
    /** Articles whose MinHash is compared, those sharing the most bands. */
    static final int COMPARED = 8;

    private final Table<Boolean> table;
    private final double minSimilarity;
    private final Function<String, String> minhashOf;

    /** @param minhashOf an active article's MinHash (kept once, with the article, not in every band) */
    ReprintIndex(Table<Boolean> table, double minSimilarity, Function<String, String> minhashOf) {
        this.table = table;
        this.minSimilarity = minSimilarity;
        this.minhashOf = minhashOf;
    }

    /**
     * The most similar active article above the threshold (ties: the smallest id), or null. Only the articles
     * sharing the most bands with it are compared, each band read up to {@link #BAND_POSTINGS} entries: text
     * many articles share (an agency's boilerplate, a standard caption) crowds some bands, and a lookup must not
     * grow with them. A copy at the threshold shares two or more of the 16 bands with its original 99.7 % of the
     * time (each band agrees with probability 0.8^4), so comparing the {@link #COMPARED} most collided is enough.
     */
    String nearest(String minhash, String exceptId) {
        Map<String, Integer> collisions = new HashMap<>();
        for (String band : MinHash.bands(minhash)) {
            String prefix = band + Table.SEPARATOR;
            for (var entry : table.prefix(prefix, BAND_POSTINGS)) {
                String articleId = entry.getKey().substring(prefix.length());
                if (!articleId.equals(exceptId)) {
                    collisions.merge(articleId, 1, Integer::sum);
                }
            }
        }
        List<String> candidates = collisions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(COMPARED)
                .map(Map.Entry::getKey)
                .toList();
        String best = null;
        double bestSimilarity = minSimilarity;
        for (String articleId : candidates) {
            String other = minhashOf.apply(articleId);
            if (other == null) {
                continue;
            }
            double similarity = MinHash.agreement(minhash, other);
            if (similarity > bestSimilarity || (similarity == bestSimilarity
                    && (best == null || articleId.compareTo(best) < 0))) {
                best = articleId;
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    void add(String minhash, String articleId) {
        for (String band : MinHash.bands(minhash)) {
            table.put(band + Table.SEPARATOR + articleId, Boolean.TRUE);
        }
    }

    void remove(String minhash, String articleId) {
        for (String band : MinHash.bands(minhash)) {
            table.delete(band + Table.SEPARATOR + articleId);
        }
    }
}
