package io.storyline.enrich.eval.ner;

import java.util.List;

/** One document of a CoNLL file. */
record ConllDocument(List<ConllSentence> sentences) {
}
