package io.storyline.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/** Test tokens: a sentence cut at spaces, with offsets, every token outside any CRF name unless labelled. */
final class Tokens {

    private Tokens() {
    }

    static List<Token> of(String sentence) {
        List<Token> out = new ArrayList<>();
        int offset = 0;
        for (String word : sentence.split(" ")) {
            out.add(new Token(word, offset, offset + word.length(), Token.OUTSIDE));
            offset += word.length() + 1;
        }
        return out;
    }

    /** Tokens of "word/LABEL word word/LABEL": a slash gives the CRF label. */
    static List<Token> labelled(String sentence) {
        List<Token> out = new ArrayList<>();
        int offset = 0;
        for (String item : sentence.split(" ")) {
            int slash = item.lastIndexOf('/');
            String word = slash > 0 ? item.substring(0, slash) : item;
            String label = slash > 0 ? item.substring(slash + 1) : Token.OUTSIDE;
            out.add(new Token(word, offset, offset + word.length(), label));
            offset += word.length() + 1;
        }
        return out;
    }
}
