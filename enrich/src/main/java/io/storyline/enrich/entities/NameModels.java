package io.storyline.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import io.storyline.enrich.language.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CoreNLP's trained CRF name taggers, one per language, each loaded once per process at its language's first
 * article: a model holds some hundred megabytes, so a language no article is written in costs nothing, and
 * classifying is thread-safe (CoreNLP's own annotator shares one across its threads), so every enricher shares it.
 *
 * <p>English uses the 3-class model (PERSON, LOCATION, ORGANIZATION) trained on CoNLL, MUC, ACE, OntoNotes and
 * Wikipedia text, which generalises far better beyond Reuters news than the CoNLL-only 4-class model (wikigold
 * micro-F1 over PER/LOC/ORG 73.3 against 66.6, measured on gold tokens). Letting the 4-class model's MISC spans veto
 * it cost more recall than it gained precision and halved the speed; nationalities come from the gazetteer instead.
 * Spanish uses a model Storyline trained on Spanish newswire ({@link NameModelTraining}); German and French the
 * one model CoreNLP ships for each ({@link Language#nameModel()}).
 */
final class NameModels {

    private static final Map<String, CRFClassifier<CoreLabel>> LOADED = new ConcurrentHashMap<>();

    private NameModels() {
    }

    /** The model at a classpath resource, loaded once per process. */
    static CRFClassifier<CoreLabel> named(String resource) {
        return LOADED.computeIfAbsent(resource, NameModels::load);
    }

    static CRFClassifier<CoreLabel> load(String resource) {
        try {
            return CRFClassifier.getClassifier(resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the name model " + resource, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the name model " + resource + " does not match the CoreNLP version", e);
        }
    }
}
