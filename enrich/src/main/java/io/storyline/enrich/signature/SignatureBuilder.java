package io.storyline.enrich.signature;

import io.storyline.common.article.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes an article's {@link Signature}: term counts for TF-IDF comparison and a SimHash of word 3-shingles,
 * which stays within a few bits for a reprint with small edits, so reprints are found without comparing texts.
 */
public final class SignatureBuilder {

    private static final int SHINGLE = 3;
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
            "he", "her", "his", "in", "into", "is", "it", "its", "not", "of", "on", "or", "said", "she", "that",
            "the", "their", "they", "this", "to", "was", "were", "which", "who", "will", "with");

    public Signature build(String title, String body) {
        List<String> bodyWords = words(body);
        Map<String, Integer> terms = new HashMap<>();
        for (String word : words(title == null ? "" : title)) {
            countTerm(terms, word);
        }
        for (String word : bodyWords) {
            countTerm(terms, word);
        }
        return new Signature(String.format("%016x", simhash(bodyWords)), terms);
    }

    private static void countTerm(Map<String, Integer> terms, String word) {
        if (word.length() > 1 && !STOPWORDS.contains(word)) {
            terms.merge(word, 1, Integer::sum);
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'')) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static long simhash(List<String> words) {
        int[] weights = new int[64];
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long hash = fnv1a64(String.join(" ", words.subList(i, i + SHINGLE)));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long out = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                out |= 1L << bit;
            }
        }
        return out;
    }

    private static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64 bits.
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
