package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.Table;
import java.util.TreeMap;

/**
 * Finds reprints: active articles whose body SimHash lies within a few bits of a new article's. The 64 bits are
 * cut into four 16-bit bands; two hashes within 3 bits of each other agree on at least one band, so a lookup
 * reads four small postings lists instead of comparing with every article.
 */
final class ReprintIndex {

    private static final int BANDS = 4;

    private final Table<Long> table;
    private final int maxDistance;

    ReprintIndex(Table<Long> table, int maxDistance) {
        if (maxDistance >= BANDS) {
            throw new IllegalArgumentException("a SimHash distance of " + maxDistance + " needs more than "
                    + BANDS + " bands");
        }
        this.table = table;
        this.maxDistance = maxDistance;
    }

    /** The closest active article within the distance (ties: smallest id), or null. */
    String nearest(long simhash, String exceptId) {
        TreeMap<Integer, String> best = new TreeMap<>();
        for (int band = 0; band < BANDS; band++) {
            for (var entry : table.prefix(bandKey(simhash, band) + Table.SEPARATOR, Integer.MAX_VALUE)) {
                String articleId = entry.getKey().substring(entry.getKey().indexOf(Table.SEPARATOR) + 1);
                int distance = Long.bitCount(entry.getValue() ^ simhash);
                if (distance <= maxDistance && !articleId.equals(exceptId)) {
                    best.merge(distance, articleId, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return best.isEmpty() ? null : best.firstEntry().getValue();
    }

    void add(long simhash, String articleId) {
        for (int band = 0; band < BANDS; band++) {
            table.put(bandKey(simhash, band) + Table.SEPARATOR + articleId, simhash);
        }
    }

    void remove(long simhash, String articleId) {
        for (int band = 0; band < BANDS; band++) {
            table.delete(bandKey(simhash, band) + Table.SEPARATOR + articleId);
        }
    }

    private static String bandKey(long simhash, int band) {
        return band + ":" + Long.toHexString((simhash >>> (16 * band)) & 0xffffL);
    }
}
