package io.storyline.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.storyline.common.article.DateMention;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Test helper: tags a sentence and checks what was found, so each test reads as sentence → expected mentions. */
final class Tagging {

    static final DateExtractor EXTRACTOR = new DateExtractor();

    private Tagging() {
    }

    static List<DateMention> tag(String text, String anchor) {
        List<DateMention> mentions = EXTRACTOR.tag(text, LocalDate.parse(anchor));
        for (DateMention m : mentions) {
            assertEquals(text.substring(m.start(), m.end()), m.text(), "offsets of " + m);
        }
        return mentions;
    }

    /** The only mention in the text; fails when there are none or several. */
    static DateMention only(String text, String anchor) {
        List<DateMention> mentions = tag(text, anchor);
        if (mentions.size() != 1) {
            fail("expected one mention in '" + text + "' but found " + describe(mentions));
        }
        return mentions.get(0);
    }

    /** Asserts the text holds exactly one mention, with this extent, type and value. */
    static void expect(String text, String anchor, String extent, String type, String value) {
        DateMention m = only(text, anchor);
        assertEquals(extent + " " + type + " " + value, m.text() + " " + m.type() + " " + m.value(), text);
    }

    /** Asserts the whole list of mentions, written as "extent=VALUE" in text order. */
    static void expectAll(String text, String anchor, String... extentEqualsValue) {
        assertEquals(List.of(extentEqualsValue), tag(text, anchor).stream().map(m -> m.text() + "=" + m.value())
                .collect(Collectors.toList()), text);
    }

    static String describe(List<DateMention> mentions) {
        return mentions.stream().map(m -> "[" + m.text() + " " + m.type() + " " + m.value() + "]")
                .collect(Collectors.joining(" "));
    }
}
