package io.storyline.enrich.dates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into {@link Token}s with exact character offsets. Hyphens and apostrophes become tokens of their own
 * so the grammar sees {@code 42-year-old} and {@code Friday's} as parts; a period stays on a known abbreviation
 * ({@code Sept.}, {@code a.m.}) because it belongs to the expression there and ends a sentence elsewhere.
 */
final class Tokenizer {

    private final Set<String> abbreviations;

    Tokenizer(Set<String> abbreviations) {
        this.abbreviations = abbreviations;
    }

    List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        boolean space = true;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = true;
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (isMeridiem(text, i)) {
                i = endOfMeridiem(text, i);
                kind = Token.Kind.WORD;
            } else if (Character.isDigit(c)) {
                i = endOfNumber(text, i);
                kind = Token.Kind.NUMBER;
            } else if (Character.isLetter(c)) {
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) == '.' && abbreviations.contains(lower(text, start, i + 1))) {
                    i++;
                }
                kind = Token.Kind.WORD;
            } else if (c == '\'' || c == '\u2019') {
                i = endOfApostrophe(text, i);
                kind = i - start > 1 && Character.isDigit(text.charAt(start + 1)) ? Token.Kind.NUMBER : Token.Kind.PUNCT;
            } else {
                i++;
                kind = Token.Kind.PUNCT;
            }
            String raw = text.substring(start, i);
            tokens.add(new Token(raw, normalise(raw), start, i, kind, space));
            space = false;
        }
        return tokens;
    }

    private static String lower(String text, int from, int to) {
        return text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
    }

    private static String normalise(String raw) {
        return raw.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
    }

    /** Digits, with inner {@code , . : /} between digits, then an optional letter suffix (1990s, 21st, 10am). */
    private static int endOfNumber(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                i++;
            } else if ((c == ',' || c == '.' || c == ':' || c == '/') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        int letters = i;
        while (letters < n && Character.isLetter(text.charAt(letters)) && letters - i < 3) {
            letters++;
        }
        boolean suffixEnds = letters >= n || !Character.isLetter(text.charAt(letters));
        return letters > i && suffixEnds ? letters : i;
    }

    /** {@code 's}, {@code '90s}, or a lone apostrophe or quote. */
    private static int endOfApostrophe(String text, int i) {
        int n = text.length();
        int j = i + 1;
        if (j < n && Character.isDigit(text.charAt(j))) {
            return endOfNumber(text, j);
        }
        if (j < n && (text.charAt(j) == 's' || text.charAt(j) == 'S') && (j + 1 >= n || !Character.isLetter(text.charAt(j + 1)))) {
            return j + 1;
        }
        return j;
    }

    private static boolean isMeridiem(String text, int i) {
        return endOfMeridiem(text, i) > i;
    }

    /** a.m. / p.m. / a.m / am-less forms are left to the grammar; only the dotted forms need joining here. */
    private static int endOfMeridiem(String text, int i) {
        int n = text.length();
        if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            return i;
        }
        char c = Character.toLowerCase(text.charAt(i));
        if ((c == 'a' || c == 'p') && i + 2 < n && text.charAt(i + 1) == '.'
                && Character.toLowerCase(text.charAt(i + 2)) == 'm') {
            int end = i + 3;
            if (end < n && text.charAt(end) == '.') {
                end++;
            }
            if (end < n && Character.isLetter(text.charAt(end))) {
                return i;
            }
            return end;
        }
        return i;
    }
}
