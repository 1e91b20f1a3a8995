package io.storyline.enrich.dates;

import java.util.List;

/**
 * The tokens of one text and the sentence each belongs to. A sentence ends at . ? ! followed by a capital, a quote
 * or the end, and at every line break (headlines, captions and paragraphs carry no final period).
 */
final class TokenizedText {

    final String text;
    final List<Token> tokens;
    /** sentenceStart[i]: index of the first token of token i's sentence; sentenceEnd[i]: one past its last. */
    private final int[] sentenceStart;
    private final int[] sentenceEnd;
    private final int[] sentenceNumber;

    TokenizedText(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
        int n = tokens.size();
        this.sentenceStart = new int[n];
        this.sentenceEnd = new int[n];
        this.sentenceNumber = new int[n];
        int start = 0;
        int number = 0;
        for (int i = 0; i < n; i++) {
            if (i > start && breaksBefore(i)) {
                fill(start, i, number++);
                start = i;
            }
        }
        fill(start, n, number);
    }

    private void fill(int from, int to, int number) {
        for (int i = from; i < to; i++) {
            sentenceStart[i] = from;
            sentenceEnd[i] = to;
            sentenceNumber[i] = number;
        }
    }

    private boolean breaksBefore(int i) {
        Token previous = tokens.get(i - 1);
        for (int c = previous.end(); c < tokens.get(i).start(); c++) {
            if (text.charAt(c) == '\n') {
                return true;
            }
        }
        String p = previous.text();
        if (p.equals(".") || p.equals("?") || p.equals("!")) {
            Token next = tokens.get(i);
            return next.capitalised() || next.kind() != Token.Kind.WORD;
        }
        return false;
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    /** Lower-case text of token i, or "" past either end. */
    String word(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).lower() : "";
    }

    int sentenceStart(int i) {
        return sentenceStart[i];
    }

    int sentenceEnd(int i) {
        return sentenceEnd[i];
    }

    /** Whether token {@code earlier} lies in token {@code later}'s sentence or in the sentence before it. */
    boolean withinPreviousSentence(int earlier, int later) {
        return sentencesApart(earlier, later) <= 1;
    }

    /** How many sentence breaks lie between two tokens. */
    int sentencesApart(int earlier, int later) {
        return sentenceNumber[later] - sentenceNumber[earlier];
    }
}
