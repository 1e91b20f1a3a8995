package io.storyline.enrich.entities;

import io.storyline.common.article.Entity;
import io.storyline.enrich.steps.Steps;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the named entities of an article body: people, organisations, places with their subtype and country,
 * nationalities, weapons and other names, each with its canonical name and character offsets into the body.
 *
 * <p>Building one loads (once per process) CoreNLP's models and the gazetteers, and sets up a tokeniser of its
 * own: build one per thread at start-up. Not thread-safe.
 */
public final class EntityExtractor {

    private final NameTagger tagger;
    private final SentenceMentions sentenceMentions;
    private final NameRules nameRules;
    private final DocumentNames documentNames;

    public EntityExtractor() {
        Gazetteer gazetteer = Gazetteer.shared();
        this.tagger = new NameTagger();
        this.sentenceMentions = new SentenceMentions(gazetteer, WeaponMatcher.shared());
        this.nameRules = new NameRules();
        this.documentNames = new DocumentNames(gazetteer);
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
        List<List<Mention>> mentions = new ArrayList<>(sentences.size());
        for (List<Token> sentence : sentences) {
            List<Mention> found = sentenceMentions.find(sentence, steps);
            List<Mention> before = List.copyOf(found);
            if (!steps.run(Steps.NAMES, () -> nameRules.apply(sentence, found))) {
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
                    int start = tokens.get(mention.start()).start();
                    int end = tokens.get(mention.end() - 1).end();
                    return new Entity(body.substring(start, end), mention.type(), mention.canonical(), start, end,
                            mention.subtype(), mention.country());
                });
                if (entity != null) {
                    out.add(entity);
                }
            }
        }
        return out;
    }
}
