package io.storyline.enrich.dates;

import java.util.List;
import java.util.function.Predicate;

/**
 * The tokens of one text and the sentence each belongs to. A sentence ends at . ? ! followed by a capital, a quote
 * or the end, and at every line break (headlines, captions and paragraphs carry no final period); not at the period
 * of an ordinal day before a month name ("am 25. Februar").
 */
final class TokenizedText {

    final String text;
    final List<Token> tokens;
    /** sentenceStart[i]: index of the first token of token i's sentence; sentenceEnd[i]: one past its last. */
    private final int[] sentenceStart;
    private final int[] sentenceEnd;
    private final int[] sentenceNumber;

    /** Month names, after whose ordinal day's period a sentence goes on ("am 25. Februar um 20 Uhr"). */
    private final Predicate<String> month;

    TokenizedText(String text, List<Token> tokens) {
        this(text, tokens, word -> false);
    }

    TokenizedText(String text, List<Token> tokens, Predicate<String> month) {
        this.text = text;
        this.tokens = tokens;
        this.month = month;
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
        if (p.equals(".") && i >= 2 && ordinalDay(tokens.get(i - 2), previous) && month.test(tokens.get(i).lower())) {
            return false; // "25. Februar": the period marks the ordinal, as German writes a day of the month
        }
        if (p.equals(".") || p.equals("?") || p.equals("!")) {
            Token next = tokens.get(i);
            return next.capitalised() || next.kind() != Token.Kind.WORD;
        }
        return false;
    }

    /** A day number of one or two digits written right against the period after it. */
    private static boolean ordinalDay(Token number, Token period) {
        return number.isNumber() && number.text().length() <= 2 && number.end() == period.start();
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
