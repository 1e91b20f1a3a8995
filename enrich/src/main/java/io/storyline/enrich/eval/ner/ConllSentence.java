package io.storyline.enrich.eval.ner;

import java.util.List;

/** One sentence of a CoNLL file: its gold tokens and the gold names over them. */
record ConllSentence(List<String> words, List<Span> gold) {
}
