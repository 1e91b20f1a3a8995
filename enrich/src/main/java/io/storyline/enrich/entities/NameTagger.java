package io.storyline.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.storyline.enrich.language.Language;
import io.storyline.enrich.steps.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Splits a body into sentences and tokens and labels each token with CoreNLP's CRF name tagger.
 *
 * <p>Only the tokeniser and sentence splitter run as a CoreNLP pipeline; the CRFs are applied directly, which
 * skips what the {@code ner} annotator would add and Storyline does not use: part-of-speech tags and lemmas (the
 * distsim CRFs take no POS features), SUTime and the numeric classifiers (dates come from Storyline's own
 * tagger), and the fine-grained KBP regexner pass (Storyline's gazetteers give place detail with the country).
 * Not thread-safe: one per enricher.
 */
final class NameTagger {

    private final StanfordCoreNLP splitter;
    private final CRFClassifier<CoreLabel> names;
    private final boolean french;

    /** CoreNLP's tokeniser for the language, so tokens are cut as its CRF learnt them, and a CRF for the language. */
    NameTagger(Language language, CRFClassifier<CoreLabel> names) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.language", language.code());
        if (language == Language.ENGLISH) {
            // The CRFs were trained on CoNLL-style tokens: hyphenated words whole ("Kh-101", "US-made"), plain
            // brackets and ASCII quotes.
            props.setProperty("tokenize.options", PhraseTokenizer.OPTIONS);
        } else {
            // Contractions stay whole ("del", "au", "zum"): tokens keep their exact place in the body.
            props.setProperty("tokenize.options", "untokenizable=noneKeep");
        }
        // News bodies put one paragraph or caption per line; a line never continues a sentence.
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        this.splitter = new StanfordCoreNLP(props, false);
        this.names = names;
        this.french = language == Language.FRENCH;
    }

    /**
     * Sentences of labelled tokens. Both parts are the names step: when the tokeniser fails there are no tokens
     * (and nothing for the other entity steps either); when the CRF fails on a sentence, its tokens stay, labelled
     * outside any name, so places and weapons are still found in it.
     */
    List<List<Token>> tag(String text, Steps steps) {
        List<CoreMap> sentences = steps.run(Steps.NAMES, List.of(), () -> {
            Annotation document = new Annotation(french ? FrenchHonorifics.joinSpacedStops(text) : text);
            splitter.annotate(document);
            return document.get(CoreAnnotations.SentencesAnnotation.class);
        });
        List<List<Token>> out = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (!tokens.isEmpty()) {
                String[] labels = steps.run(Steps.NAMES, null, () -> classify(names, tokens));
                out.add(label(tokens, labels));
            }
        }
        return out;
    }

    private static List<Token> label(List<CoreLabel> tokens, String[] labels) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel token = tokens.get(i);
            out.add(new Token(token.originalText(), token.beginPosition(), token.endPosition(),
                    labels == null ? Token.OUTSIDE : labels[i]));
        }
        return out;
    }

    private static String[] classify(CRFClassifier<CoreLabel> classifier,
                                     List<CoreLabel> tokens) {
        // The classifier writes its answers into the labels it is given: hand it fresh copies.
        List<CoreLabel> copies = new ArrayList<>(tokens.size());
        for (CoreLabel token : tokens) {
            CoreLabel copy = new CoreLabel();
            copy.setWord(token.word());
            copy.setValue(token.word());
            copy.setOriginalText(token.originalText());
            copies.add(copy);
        }
        List<CoreLabel> answered = classifier.classifySentence(copies);
        String[] out = new String[answered.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shortLabel(answered.get(i).get(CoreAnnotations.AnswerAnnotation.class));
        }
        return out;
    }

    /** The models' labels (PERSON, I-PER, B-LOC, PERS, LUG…) as PER, LOC, ORG or O. */
    private static String shortLabel(String answer) {
        if (answer == null) {
            return Token.OUTSIDE;
        }
        String label = answer.startsWith("B-") || answer.startsWith("I-") ? answer.substring(2) : answer;
        return switch (label) {
            case "PERSON", "PER", "PERS" -> "PER";
            case "LOCATION", "LOC", "LUG" -> "LOC";
            case "ORGANIZATION", "ORG" -> "ORG";
            default -> Token.OUTSIDE;
        };
    }
}
