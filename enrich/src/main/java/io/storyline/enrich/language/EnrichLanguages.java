package io.storyline.enrich.language;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The languages a deployment reads articles in ({@value #SETTING}, default {@value #DEFAULT}), and which pipeline
 * reads an article: the one of its language, else none (the article is marked not analysed: never another
 * language's rules on it). An article whose language ingest could not tell is read in the first language listed.
 * A listed language whose model jar is missing from the classpath is a configuration error at start, not a
 * failure at its first article.
 */
public final class EnrichLanguages {

    public static final String SETTING = "storyline.enrich.languages";
    public static final String DEFAULT = "en,de,fr,es";

    private final List<Language> languages;

    private EnrichLanguages(List<Language> languages) {
        this.languages = List.copyOf(languages);
    }

    /** The setting's languages, checked against the classpath. */
    public static EnrichLanguages from(StorylineConfig config) {
        return parse(config.string(SETTING, DEFAULT));
    }

    /** Every language whose models are on the classpath (offline tools, benchmarks). */
    public static EnrichLanguages available() {
        List<Language> present = new ArrayList<>();
        for (Language language : Language.values()) {
            if (modelsPresent(language)) {
                present.add(language);
            }
        }
        return new EnrichLanguages(present);
    }

    /** The given languages, checked against the classpath. */
    public static EnrichLanguages of(Language... languages) {
        return parse(Arrays.stream(languages).map(Language::code).collect(Collectors.joining(",")));
    }

    static EnrichLanguages parse(String value) {
        List<Language> out = new ArrayList<>();
        for (String code : value.split(",")) {
            if (code.isBlank()) {
                continue;
            }
            Language language = Language.of(code);
            if (language == null) {
                throw new ConfigException(SETTING + ": '" + code.strip() + "' is not a language enrich reads (it reads "
                        + Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(", ")) + ")");
            }
            if (!modelsPresent(language)) {
                throw new ConfigException(SETTING + " lists " + language.code() + " but its models ("
                        + language.modelJars() + ") are not on the classpath: add the jar or leave the language out");
            }
            if (!out.contains(language)) {
                out.add(language);
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(SETTING + " must name at least one language, e.g. " + DEFAULT);
        }
        return new EnrichLanguages(out);
    }

    private static boolean modelsPresent(Language language) {
        ClassLoader loader = EnrichLanguages.class.getClassLoader();
        return loader.getResource(language.coreNlpNameModel()) != null
                && loader.getResource(language.nameModel()) != null;
    }

    /** The pipeline that reads an article of this language (ISO code, or null when unknown), or null for none. */
    public Language readAs(String articleLanguage) {
        if (articleLanguage == null || articleLanguage.isBlank()) {
            return languages.get(0);
        }
        Language language = Language.of(articleLanguage);
        return language != null && languages.contains(language) ? language : null;
    }

    public Set<Language> languages() {
        return languages.isEmpty() ? Set.of() : EnumSet.copyOf(languages);
    }

    @Override
    public String toString() {
        return languages.stream().map(Language::code).collect(Collectors.joining(","));
    }
}
