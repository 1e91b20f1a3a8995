package io.storyline.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * CoreNLP's trained CRF name tagger, loaded once per process: it holds some hundred megabytes and classifying with
 * it is thread-safe (CoreNLP's own annotator shares one across its threads), so every enricher shares it.
 *
 * <p>It is the 3-class model (PERSON, LOCATION, ORGANIZATION) trained on CoNLL, MUC, ACE, OntoNotes and Wikipedia
 * text, which generalises far better beyond Reuters news than the CoNLL-only 4-class model (wikigold micro-F1 over
 * PER/LOC/ORG 73.3 against 66.6, measured on gold tokens). Letting the 4-class model's MISC spans veto it cost more
 * recall than it gained precision and halved the speed; nationalities come from the gazetteer instead.
 */
final class NameModels {

    private static final String MODELS = "edu/stanford/nlp/models/ner/";

    final CRFClassifier<CoreLabel> names;

    private NameModels(CRFClassifier<CoreLabel> names) {
        this.names = names;
    }

    /** Loaded on first use, once per process (the JVM's class initialisation makes this thread-safe). */
    private static final class Holder {
        static final NameModels SHARED = new NameModels(load("english.all.3class.distsim.crf.ser.gz"));
    }

    static NameModels shared() {
        return Holder.SHARED;
    }

    private static CRFClassifier<CoreLabel> load(String name) {
        try {
            return CRFClassifier.getClassifier(MODELS + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the CoreNLP model " + name, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the CoreNLP model " + name + " does not match the CoreNLP version", e);
        }
    }
}
