package io.storyline.enrich.language;

import java.util.Locale;

/**
 * A language enrich reads articles in, with the CoreNLP resources its pipeline needs. Each language's models come
 * in a jar of their own ({@code stanford-corenlp-4.5.10-models[-german|-french|-spanish].jar}), so a deployment
 * that leaves a language out can leave its jar out too.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "models", "english.all.3class.distsim.crf.ser.gz", null),
    GERMAN("de", Locale.GERMAN, "models-german", "german.distsim.crf.ser.gz", null),
    FRENCH("fr", Locale.FRENCH, "models-french", "french-wikiner-4class.crf.ser.gz", null),
    SPANISH("es", Locale.forLanguageTag("es"), "models-spanish", "spanish.ancora.distsim.s512.crf.ser.gz",
            "io/storyline/names/spanish-conll2002.crf.ser.gz");

    private static final String NER_MODELS = "edu/stanford/nlp/models/ner/";

    private final String code;
    private final Locale locale;
    private final String modelsClassifier;
    private final String coreNlpNameModel;
    private final String trainedNameModel;

    Language(String code, Locale locale, String modelsClassifier, String coreNlpNameModel, String trainedNameModel) {
        this.code = code;
        this.locale = locale;
        this.modelsClassifier = modelsClassifier;
        this.coreNlpNameModel = coreNlpNameModel;
        this.trainedNameModel = trainedNameModel;
    }

    /** ISO 639-1 code, as {@code Article.language} and the settings write it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * Classpath resource of the CRF name tagger enrich uses for this language: Storyline's own where one was trained
     * for the language ({@code storyline train names}, shipped in the {@code names-<language>} module), otherwise
     * CoreNLP's.
     */
    public String nameModel() {
        return trainedNameModel != null ? trainedNameModel : coreNlpNameModel();
    }

    /** Whether enrich reads this language's names with a model Storyline trained on the language's own newswire. */
    public boolean hasTrainedNameModel() {
        return trainedNameModel != null;
    }

    /** Classpath resource of CoreNLP's own CRF name tagger for this language: the baseline, and its word clusters. */
    public String coreNlpNameModel() {
        return NER_MODELS + coreNlpNameModel;
    }

    /** The jars that hold this language's models: CoreNLP's, and Storyline's trained name model where there is one. */
    public String modelJars() {
        String coreNlp = "stanford-corenlp-4.5.10-" + modelsClassifier + ".jar";
        return trainedNameModel == null
                ? coreNlp : coreNlp + " and storyline-names-" + name().toLowerCase(Locale.ROOT) + ".jar";
    }

    /** The language of an ISO 639-1 code, or null when enrich has no pipeline for it. */
    public static Language of(String code) {
        if (code == null) {
            return null;
        }
        String normalised = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(normalised)) {
                return language;
            }
        }
        return null;
    }
}
