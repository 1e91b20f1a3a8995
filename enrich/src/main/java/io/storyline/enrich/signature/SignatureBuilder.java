package io.storyline.enrich.signature;

import io.storyline.common.article.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes an article's {@link Signature}: term counts for TF-IDF comparison, and two fingerprints of the body's
 * word 3-shingles for finding reprints without comparing texts: a SimHash (identical or nearly identical copies
 * land within a few bits) and a MinHash, whose agreement estimates how much of its text a reprint shares with its
 * original even after edits.
 */
public final class SignatureBuilder {

    private static final int SHINGLE = 3;
    /**
     * The signature of an article's title and body, its terms read in {@code language} (ISO 639-1, as ingest
     * detected it; null or another language keeps the words as written).
     */
    public Signature build(String title, String body, String language) {
        TermNormaliser normaliser = TermNormaliser.of(language);
        List<String> bodyWords = words(body);
        Map<String, Integer> terms = new HashMap<>();
        for (String word : words(title == null ? "" : title)) {
            countTerm(terms, normaliser, word);
        }
        for (String word : bodyWords) {
            countTerm(terms, normaliser, word);
        }
        return new Signature(String.format("%016x", simhash(bodyWords)), terms, minhash(bodyWords));
    }

    private static void countTerm(Map<String, Integer> terms, TermNormaliser normaliser, String word) {
        if (word.length() > 1) {
            String term = normaliser.term(word);
            if (term != null && term.length() > 1) {
                terms.merge(term, 1, Integer::sum);
            }
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

    /**
     * The {@link Signature#MINHASH_SIZE} minima of as many hash functions over the 3-shingles, as hex; each
     * function mixes the shingle's hash with its own odd constant (a family of independent-enough hashes).
     */
    static String minhash(List<String> words) {
        if (words.size() < SHINGLE) {
            return "";
        }
        long[] minima = new long[Signature.MINHASH_SIZE];
        Arrays.fill(minima, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long shingle = fnv1a64(String.join(" ", words.subList(i, i + SHINGLE)));
            for (int f = 0; f < minima.length; f++) {
                long value = mix(shingle ^ (0x9E3779B97F4A7C15L * (f + 1))) >>> 32;
                if (value < minima[f]) {
                    minima[f] = value;
                }
            }
        }
        StringBuilder out = new StringBuilder(minima.length * 8);
        for (long value : minima) {
            out.append(String.format("%08x", value));
        }
        return out.toString();
    }

    private static long mix(long value) {
        value ^= value >>> 33;
        value *= 0xff51afd7ed558ccdL;
        value ^= value >>> 33;
        value *= 0xc4ceb9fe1a85ec53L;
        value ^= value >>> 33;
        return value;
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
