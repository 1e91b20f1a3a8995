package io.storyline.enrich.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

    private static List<ConllDocument> read(String text) throws IOException {
        return ConllReader.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void readsIob1DocumentsAndSentences() throws IOException {
        List<ConllDocument> documents = read("""
                -DOCSTART- O

                Anna I-PER
                Berg I-PER
                met O
                Carl I-PER
                . O

                Oslo I-LOC
                Fjord B-LOC
                -DOCSTART- O

                Acme I-ORG
                """);
        assertEquals(2, documents.size());
        List<ConllSentence> first = documents.get(0).sentences();
        assertEquals(2, first.size());
        assertEquals(List.of("Anna", "Berg", "met", "Carl", "."), first.get(0).words());
        assertEquals(List.of(new Span(0, 2, "PER"), new Span(3, 4, "PER")), first.get(0).gold());
        assertEquals(List.of(new Span(0, 1, "LOC"), new Span(1, 2, "LOC")), first.get(1).gold());
    }

    @Test
    void readsTabSeparatedIob2AndMakesEachSentenceADocumentWithoutDocStart() throws IOException {
        List<ConllDocument> documents = read("the\tO\nold\tB-Weapon\nmortar\tI-Weapon\nfired\tO\n\nBob\tB-Person\n");
        assertEquals(2, documents.size());
        assertEquals(List.of(new Span(1, 3, "Weapon")), documents.get(0).sentences().get(0).gold());
        assertEquals(List.of(new Span(0, 1, "Person")), documents.get(1).sentences().get(0).gold());
    }

    @Test
    void aLineWithoutATagIsAnError() {
        IOException error = assertThrows(IOException.class, () -> read("word O\nlonely\n"));
        assertEquals("line 2: expected a word and a tag, found 'lonely'", error.getMessage());
    }
}
