package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;

/**
 * Finds reprints: active articles whose MinHash agrees with a new article's on at least {@code minSimilarity} of
 * its positions. Candidates come from the {@link MinHash#bands} index, so a lookup reads a few short postings
 * lists instead of comparing with every article.
 */
final class ReprintIndex {

    private final Table<String> table;
    private final double minSimilarity;

    ReprintIndex(Table<String> table, double minSimilarity) {
        this.table = table;
        this.minSimilarity = minSimilarity;
    }

    /** The most similar active article above the threshold (ties: the smallest id), or null. */
    String nearest(String minhash, String exceptId) {
        String best = null;
        double bestSimilarity = minSimilarity;
        for (String band : MinHash.bands(minhash)) {
            String prefix = band + Table.SEPARATOR;
            for (var entry : table.prefix(prefix, Integer.MAX_VALUE)) {
                String articleId = entry.getKey().substring(prefix.length());
                if (articleId.equals(exceptId)) {
                    continue;
                }
                double similarity = MinHash.agreement(minhash, entry.getValue());
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
            table.put(band + Table.SEPARATOR + articleId, minhash);
        }
    }

    void remove(String minhash, String articleId) {
        for (String band : MinHash.bands(minhash)) {
            table.delete(band + Table.SEPARATOR + articleId);
        }
    }
}
