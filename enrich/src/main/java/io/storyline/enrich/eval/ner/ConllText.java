package io.storyline.enrich.eval.ner;

import io.storyline.common.article.Entity;
import java.util.ArrayList;
import java.util.List;

/**
 * A CoNLL document rebuilt as plain text the way the gold file's tokens imply: words joined by single spaces, one
 * sentence a line. Keeps each gold token's character range, so predicted entities (character offsets) map back
 * to gold token spans.
 */
final class ConllText {

    private final ConllDocument document;
    private final String text;
    private final int[][] tokenStarts;
    private final int[][] tokenEnds;

    ConllText(ConllDocument document) {
        this.document = document;
        StringBuilder out = new StringBuilder();
        List<ConllSentence> sentences = document.sentences();
        tokenStarts = new int[sentences.size()][];
        tokenEnds = new int[sentences.size()][];
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                out.append('\n');
            }
            List<String> words = sentences.get(s).words();
            tokenStarts[s] = new int[words.size()];
            tokenEnds[s] = new int[words.size()];
            for (int w = 0; w < words.size(); w++) {
                if (w > 0) {
                    out.append(' ');
                }
                tokenStarts[s][w] = out.length();
                out.append(words.get(w));
                tokenEnds[s][w] = out.length();
            }
        }
        this.text = out.toString();
    }

    String text() {
        return text;
    }

    /**
     * The predicted spans of each sentence: an entity covers every gold token its characters touch. An entity
     * running over a line end (which the sentence splitter prevents) is cut at its first sentence.
     */
    List<List<Span>> spans(List<Entity> entities, boolean goldHasWeapons) {
        List<List<Span>> out = new ArrayList<>();
        for (int s = 0; s < document.sentences().size(); s++) {
            out.add(new ArrayList<>());
        }
        for (Entity entity : entities) {
            int sentence = sentenceAt(entity.start());
            if (sentence < 0) {
                continue;
            }
            int first = -1;
            int last = -1;
            for (int w = 0; w < tokenStarts[sentence].length; w++) {
                if (tokenStarts[sentence][w] < entity.end() && entity.start() < tokenEnds[sentence][w]) {
                    first = first < 0 ? w : first;
                    last = w;
                }
            }
            if (first >= 0) {
                out.get(sentence).add(new Span(first, last + 1,
                        LabelScheme.predicted(entity.type(), goldHasWeapons)));
            }
        }
        return out;
    }

    private int sentenceAt(int offset) {
        for (int s = tokenStarts.length - 1; s >= 0; s--) {
            if (tokenStarts[s].length > 0 && tokenStarts[s][0] <= offset) {
                return s;
            }
        }
        return -1;
    }
}
