package io.storyline.enrich.eval.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-style NER files: one token a line, its word in the first column and its tag in the last (separated
 * by tabs or spaces), a blank line after each sentence, {@code -DOCSTART-} lines between documents. Tags may be
 * IOB1 (wikigold: {@code I-} throughout, {@code B-} only between two names of one type) or IOB2 (re3d: {@code B-}
 * opens every name); both read the same way. A file without {@code -DOCSTART-} lines has no known document
 * boundaries, so each sentence is its own document.
 */
final class ConllReader {

    private ConllReader() {
    }

    static List<ConllDocument> read(BufferedReader reader) throws IOException {
        List<ConllDocument> documents = new ArrayList<>();
        List<ConllSentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean sawDocStart = false;
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.startsWith("-DOCSTART-")) {
                sawDocStart = true;
                endSentence(words, tags, sentences);
                endDocument(sentences, documents);
                continue;
            }
            if (trimmed.isEmpty()) {
                endSentence(words, tags, sentences);
                continue;
            }
            String[] cells = trimmed.split("[\\t ]+");
            if (cells.length < 2) {
                throw new IOException("line " + lineNumber + ": expected a word and a tag, found '" + trimmed + "'");
            }
            words.add(cells[0]);
            tags.add(cells[cells.length - 1]);
        }
        endSentence(words, tags, sentences);
        endDocument(sentences, documents);
        return sawDocStart ? documents : oneDocumentPerSentence(documents);
    }

    private static void endSentence(List<String> words, List<String> tags, List<ConllSentence> sentences) {
        if (!words.isEmpty()) {
            sentences.add(new ConllSentence(List.copyOf(words), GoldSpans.fromTags(tags)));
            words.clear();
            tags.clear();
        }
    }

    private static void endDocument(List<ConllSentence> sentences, List<ConllDocument> documents) {
        if (!sentences.isEmpty()) {
            documents.add(new ConllDocument(List.copyOf(sentences)));
            sentences.clear();
        }
    }

    private static List<ConllDocument> oneDocumentPerSentence(List<ConllDocument> documents) {
        List<ConllDocument> out = new ArrayList<>();
        for (ConllDocument document : documents) {
            for (ConllSentence sentence : document.sentences()) {
                out.add(new ConllDocument(List.of(sentence)));
            }
        }
        return out;
    }
}
