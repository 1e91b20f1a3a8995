package io.storyline.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * CoreNLP's trained CRF name taggers, loaded once per process: they hold some hundred megabytes and classifying
 * with them is thread-safe (CoreNLP's own annotator shares one across its threads), so every enricher shares them.
 *
 * <p>The primary tagger is the 3-class model trained on CoNLL, MUC, ACE, OntoNotes and Wikipedia text, which
 * generalises far better beyond Reuters news than the CoNLL-only 4-class model. The 4-class model is kept for the
 * one class the 3-class model lacks: MISC (events, works, nationalities), whose spans must not be read as
 * people, places or organisations.
 */
final class NameModels {

    private static final String MODELS = "edu/stanford/nlp/models/ner/";

    final CRFClassifier<CoreLabel> primary;
    final CRFClassifier<CoreLabel> misc;

    private NameModels(CRFClassifier<CoreLabel> primary, CRFClassifier<CoreLabel> misc) {
        this.primary = primary;
        this.misc = misc;
    }

    /** Loaded on first use, once per process (the JVM's class initialisation makes this thread-safe). */
    private static final class Holder {
        static final NameModels SHARED = new NameModels(load("english.all.3class.distsim.crf.ser.gz"),
                load("english.conll.4class.distsim.crf.ser.gz"));
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
