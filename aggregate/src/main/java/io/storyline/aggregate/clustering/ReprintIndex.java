package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds reprints: active articles whose MinHash agrees with a new article's on at least {@code minSimilarity} of
 * its positions. Candidates come from the {@link MinHash#bands} index, so a lookup reads a few short postings
 * lists instead of comparing with every article.
 */
final class ReprintIndex {

    private final Table<Boolean> table;
    private final double minSimilarity;
    private final Function<String, String> minhashOf;

    /** @param minhashOf an active article's MinHash (kept once, with the article, not in every band) */
    ReprintIndex(Table<Boolean> table, double minSimilarity, Function<String, String> minhashOf) {
        this.table = table;
        this.minSimilarity = minSimilarity;
        this.minhashOf = minhashOf;
    }

    /** The most similar active article above the threshold (ties: the smallest id), or null. */
    String nearest(String minhash, String exceptId) {
        String best = null;
        double bestSimilarity = minSimilarity;
        Set<String> seen = new HashSet<>();
        for (String band : MinHash.bands(minhash)) {
            String prefix = band + Table.SEPARATOR;
            for (var entry : table.prefix(prefix, Integer.MAX_VALUE)) {
                String articleId = entry.getKey().substring(prefix.length());
                String other = articleId.equals(exceptId) || !seen.add(articleId) ? null : minhashOf.apply(articleId);
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
