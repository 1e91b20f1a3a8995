package io.storyline.ingest.normalise;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.storyline.common.runtime.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language of an article, by Lingua in its low-accuracy mode over a configured set of languages: news bodies
 * are long, which is where that mode loses nothing, and it keeps the models small enough for ingest's heap. One
 * detector per language set is shared by every stream thread (Lingua's detector is thread-safe and its models are
 * the expensive part).
 */
public final class LanguageDetection {

    /** Enough text to decide; more only costs time. */
    private static final int SAMPLE_CHARS = 400;
    private static final Map<List<String>, LanguageDetection> SHARED = new ConcurrentHashMap<>();

    private final LanguageDetector detector;

    private LanguageDetection(List<String> isoCodes) {
        IsoCode639_1[] codes = isoCodes.stream().map(LanguageDetection::code).distinct()
                .toArray(IsoCode639_1[]::new);
        if (codes.length < 2) {
            throw new ConfigException("storyline.ingest.languages must name at least two languages, not "
                    + isoCodes);
        }
        detector = LanguageDetectorBuilder.fromIsoCodes639_1(codes).withLowAccuracyMode()
                .withPreloadedLanguageModels().build();
    }

    /** The detector for these ISO 639-1 codes, built (and its models loaded) on first use. */
    public static LanguageDetection forLanguages(List<String> isoCodes) {
        return SHARED.computeIfAbsent(List.copyOf(isoCodes), LanguageDetection::new);
    }

    /** ISO 639-1 code of the text's language, or null when the detector cannot tell. */
    public String detect(String text) {
        String sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, cut(text));
        Language language = detector.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** A language tag as a producer wrote it ({@code en-US}, {@code EN}) as an ISO 639 code; null when blank. */
    public static String normaliseTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return language.isEmpty() ? null : language;
    }

    private static int cut(String text) {
        int space = text.lastIndexOf(' ', SAMPLE_CHARS);
        return space > SAMPLE_CHARS / 2 ? space : SAMPLE_CHARS;
    }

    private static IsoCode639_1 code(String iso) {
        try {
            return IsoCode639_1.valueOf(iso.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("storyline.ingest.languages: '" + iso
                    + "' is not an ISO 639-1 code the language detector knows");
        }
    }
}
