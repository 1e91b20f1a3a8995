package io.storyline.enrich.language;

import java.util.Locale;

/**
 * A language enrich reads articles in, with the CoreNLP resources its pipeline needs. Each language's models come
 * in a jar of their own ({@code stanford-corenlp-4.5.10-models[-german|-french|-spanish].jar}), so a deployment
 * that leaves a language out can leave its jar out too.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "models", "english.all.3class.distsim.crf.ser.gz"),
    GERMAN("de", Locale.GERMAN, "models-german", "german.distsim.crf.ser.gz"),
    FRENCH("fr", Locale.FRENCH, "models-french", "french-wikiner-4class.crf.ser.gz"),
    SPANISH("es", Locale.forLanguageTag("es"), "models-spanish", "spanish.ancora.distsim.s512.crf.ser.gz");

    private static final String NER_MODELS = "edu/stanford/nlp/models/ner/";

    private final String code;
    private final Locale locale;
    private final String modelsClassifier;
    private final String nameModel;

    Language(String code, Locale locale, String modelsClassifier, String nameModel) {
        this.code = code;
        this.locale = locale;
        this.modelsClassifier = modelsClassifier;
        this.nameModel = nameModel;
    }

    /** ISO 639-1 code, as {@code Article.language} and the settings write it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** Classpath resource of CoreNLP's CRF name tagger for this language. */
    public String nameModel() {
        return NER_MODELS + nameModel;
    }

    /** The Maven classifier of the CoreNLP jar that holds this language's models. */
    public String modelsJar() {
        return "stanford-corenlp-4.5.10-" + modelsClassifier + ".jar";
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
