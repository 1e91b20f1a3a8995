package io.storyline.enrich.entities;

import io.storyline.common.article.Entity;
import io.storyline.common.article.EntityType;
import io.storyline.enrich.language.Language;
import io.storyline.enrich.steps.Steps;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the named entities of an article body in one language: people, organisations, places with their subtype
 * and country, nationalities, weapons and other names, each with its canonical name (places, countries,
 * organisations and weapons named in English whatever the language wrote), the key that compares one entity
 * across languages ({@link NameKey}) and character offsets into the body.
 *
 * <p>Building one loads (once per process and language) the language's name model and gazetteers, and sets up a
 * tokeniser of its own: build one per thread at start-up. Not thread-safe.
 */
public final class EntityExtractor {

    private final NameTagger tagger;
    private final SentenceMentions sentenceMentions;
    private final NameRules nameRules;
    private final LocalNameRules localRules;
    private final DocumentNames documentNames;
    private final boolean modelOnly;
    /** French person mentions start at their honorific ({@link FrenchHonorifics}); hyphenated names are whole. */
    private final boolean french;
    private final FrenchPlaces frenchPlaces;

    /** The English extractor. */
    public EntityExtractor() {
        this(Language.ENGLISH);
    }

    public EntityExtractor(Language language) {
        this(language, false);
    }

    private EntityExtractor(Language language, boolean modelOnly) {
        this.modelOnly = modelOnly;
        this.french = language == Language.FRENCH;
        Gazetteer gazetteer = Gazetteer.forLanguage(language);
        this.tagger = new NameTagger(language, NameModels.named(
                modelOnly ? language.coreNlpNameModel() : language.nameModel()));
        this.sentenceMentions = new SentenceMentions(gazetteer, WeaponMatcher.forLanguage(language),
                language.hasTrainedNameModel());
        // English's corrections are rules of English naming; other languages have their own.
        this.nameRules = language == Language.ENGLISH ? new NameRules() : null;
        this.localRules = language == Language.ENGLISH ? null : new LocalNameRules(language);
        this.documentNames = new DocumentNames(gazetteer);
        this.frenchPlaces = french ? new FrenchPlaces(gazetteer) : null;
    }

    /**
     * CoreNLP's own model for the language alone, on the same tokens, without Storyline's rules, gazetteers and
     * canonical names: the baseline the evaluation prints beside the extractor.
     */
    public static EntityExtractor modelOnly(Language language) {
        return new EntityExtractor(language, true);
    }

    public List<Entity> extract(String body) {
        return extract(body, Steps.unguarded());
    }

    /**
     * The entities of {@code body}, each part a step of {@code steps}: a failing name tagger or name rule costs
     * the names ({@link Steps#NAMES}), a failing gazetteer the places ({@link Steps#PLACES}), a failing weapon
     * matcher the weapons ({@link Steps#WEAPONS}); what the other steps found stays.
     */
    public List<Entity> extract(String body, Steps steps) {
        List<List<Token>> sentences = tagger.tag(body, steps);
        if (modelOnly) {
            List<Entity> out = new ArrayList<>();
            for (List<Token> tokens : sentences) {
                for (Mention mention : SentenceMentions.taggedSpans(tokens)) {
                    int start = tokens.get(mention.start()).start();
                    int end = tokens.get(mention.end() - 1).end();
                    out.add(new Entity(body.substring(start, end), mention.type(), null, start, end, null, null));
                }
            }
            return out;
        }
        List<List<Mention>> mentions = new ArrayList<>(sentences.size());
        for (List<Token> sentence : sentences) {
            List<Mention> found = sentenceMentions.find(sentence, steps);
            List<Mention> before = List.copyOf(found);
            Runnable rules = nameRules != null
                    ? () -> nameRules.apply(sentence, found)
                    : () -> {
                        if (french) {
                            HyphenatedNames.join(sentence, found);
                        }
                        localRules.apply(sentence, found);
                        if (french) {
                            frenchPlaces.apply(sentence, found);
                        }
                    };
            if (!steps.run(Steps.NAMES, rules)) {
                found.clear();
                found.addAll(before);
            }
            mentions.add(found);
        }
        List<List<Mention>> before = mentions.stream().map(List::copyOf).toList();
        if (!steps.run(Steps.NAMES, () -> documentNames.resolve(sentences, mentions))) {
            for (int s = 0; s < mentions.size(); s++) {
                mentions.get(s).clear();
                mentions.get(s).addAll(before.get(s));
            }
        }
        List<Entity> out = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> tokens = sentences.get(s);
            for (Mention mention : mentions.get(s)) {
                Entity entity = steps.run(Steps.NAMES, null, () -> {
                    int first = french && EntityType.PERSON.equals(mention.type())
                            ? FrenchHonorifics.start(tokens, mention.start()) : mention.start();
                    int start = tokens.get(first).start();
                    int end = tokens.get(mention.end() - 1).end();
                    return new Entity(body.substring(start, end), mention.type(), mention.canonical(), start, end,
                            mention.subtype(), mention.country(), NameKey.of(mention.canonical()));
                });
                if (entity != null) {
                    out.add(entity);
                }
            }
        }
        return out;
    }
}
