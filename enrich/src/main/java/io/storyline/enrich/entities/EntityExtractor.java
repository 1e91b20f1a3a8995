package io.storyline.enrich.entities;

import io.storyline.common.article.Entity;
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
        List<List<Token>> sentences = tagger.tag(body);
        List<List<Mention>> mentions = new ArrayList<>(sentences.size());
        for (List<Token> sentence : sentences) {
            List<Mention> found = sentenceMentions.find(sentence);
            nameRules.apply(sentence, found);
            mentions.add(found);
        }
        documentNames.resolve(sentences, mentions);
        List<Entity> out = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> tokens = sentences.get(s);
            for (Mention mention : mentions.get(s)) {
                int start = tokens.get(mention.start()).start();
                int end = tokens.get(mention.end() - 1).end();
                out.add(new Entity(body.substring(start, end), mention.type(), mention.canonical(), start, end,
                        mention.subtype(), mention.country()));
            }
        }
        return out;
    }
}
