package io.storyline.enrich.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.article.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllTextTest {

    private final ConllText text = new ConllText(new ConllDocument(List.of(
            new ConllSentence(List.of("Anna", "Berg", "left", "."), List.of()),
            new ConllSentence(List.of("She", "flew", "to", "St.", "Louis"), List.of()))));

    @Test
    void rebuildsOneSentenceALineWithSpacesBetweenTokens() {
        assertEquals("Anna Berg left .\nShe flew to St. Louis", text.text());
    }

    @Test
    void mapsCharacterOffsetsBackToGoldTokens() {
        List<Entity> entities = List.of(
                new Entity("Anna Berg", "PERSON", "Anna Berg", 0, 9, null, null),
                new Entity("Louis", "LOCATION", "Louis", 33, 38, null, null),
                new Entity("Berg", "NATIONALITY", "Berg", 5, 9, null, null));
        List<List<Span>> spans = text.spans(entities, false);
        assertEquals(List.of(new Span(0, 2, "PER"), new Span(1, 2, "MISC")), spans.get(0));
        assertEquals(List.of(new Span(4, 5, "LOC")), spans.get(1));
    }
}
