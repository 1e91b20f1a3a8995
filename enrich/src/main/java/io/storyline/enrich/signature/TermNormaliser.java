package io.storyline.enrich.signature;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Turns a lower-cased word into the term TF-IDF compares, in the article's language: its function words dropped.
 * In a stream that is mostly English, German "der" or French "les" look rare and would make any two articles of the
 * language alike. German, French and Spanish use Lucene's (Snowball's) stopword lists, French also drops the
 * elided article of "l'armée". Words are not stemmed: a stemmer cuts names too ("Francisco", "Corona"), and names
 * are the words that reports in two languages share. English keeps its own short list, on which the join model
 * was fitted. A language with no list here keeps its words as they are.
 */
abstract class TermNormaliser {

    private static final Set<String> ENGLISH_STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
            "he", "her", "his", "in", "into", "is", "it", "its", "not", "of", "on", "or", "said", "she", "that",
            "the", "their", "they", "this", "to", "was", "were", "which", "who", "will", "with");

    private static final TermNormaliser ENGLISH = new TermNormaliser() {
        @Override
        String term(String word) {
            return ENGLISH_STOPWORDS.contains(word) ? null : word;
        }
    };

    private static final TermNormaliser AS_WRITTEN = new TermNormaliser() {
        @Override
        String term(String word) {
            return word;
        }
    };

    private static final TermNormaliser GERMAN = new Stopwords(GermanAnalyzer.getDefaultStopSet());
    private static final TermNormaliser SPANISH = new Stopwords(SpanishAnalyzer.getDefaultStopSet());

    /** The term of a lower-cased word, or null for a word that says nothing of the story. */
    abstract String term(String word);

    /** The normaliser of an ISO 639-1 language code; unknown or missing languages keep their words. */
    static TermNormaliser of(String language) {
        if (language == null) {
            return AS_WRITTEN;
        }
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "en" -> ENGLISH;
            case "de" -> GERMAN;
            case "fr" -> French.INSTANCE;
            case "es" -> SPANISH;
            default -> AS_WRITTEN;
        };
    }

    /** A language whose function words Lucene lists; the set is read-only and safe to share. */
    private static class Stopwords extends TermNormaliser {
        private final CharArraySet stopwords;

        Stopwords(CharArraySet stopwords) {
            this.stopwords = stopwords;
        }

        @Override
        String term(String word) {
            String bare = withoutElision(word);
            return bare.isEmpty() || stopwords.contains(bare) ? null : bare;
        }

        String withoutElision(String word) {
            return word;
        }
    }

    private static final class French extends Stopwords {
        static final French INSTANCE = new French();

        French() {
            super(FrenchAnalyzer.getDefaultStopSet());
        }

        /** "l'armée", "qu'il": the article or pronoun elided before the apostrophe is not part of the word. */
        @Override
        String withoutElision(String word) {
            int apostrophe = word.indexOf('\'');
            return apostrophe > 0 && FrenchAnalyzer.DEFAULT_ARTICLES.contains(word.substring(0, apostrophe))
                    ? word.substring(apostrophe + 1) : word;
        }
    }
}
