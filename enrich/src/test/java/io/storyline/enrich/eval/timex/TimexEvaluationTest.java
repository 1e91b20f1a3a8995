package io.storyline.enrich.eval.timex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimexEvaluationTest {

    /**
     * Gold: "Tuesday" (right), "three days" (the tagger says P3D: right), "the spring" with value 2023-SP (the
     * tagger resolves the past-tense spring of a November document to 2024-SP: a value error), and "lunchtime",
     * which the tagger does not know (missed). The tagger also finds "yesterday", which the gold lacks.
     */
    private static final String DOCUMENT = """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>fixture-1</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2024-11-21" temporalFunction="false" functionInDocument="CREATION_TIME">20241121</TIMEX3></DCT>
            <TEXT>
            The mayor <EVENT eid="e1" class="OCCURRENCE">resigned</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-11-19">Tuesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of protests.
            The protests began in <TIMEX3 tid="t3" type="DATE" value="2023-SP">the spring</TIMEX3> and flared at <TIMEX3 tid="t4" type="TIME" value="2024-11-19T12:00">lunchtime</TIMEX3> yesterday.
            </TEXT>
            </TimeML>
            """;

    @Test
    void scoresAFixtureAsJsonPerCorpusAndOverall(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("Fixture"));
        Files.writeString(corpus.resolve("fixture-1.tml"), DOCUMENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = TimexEvaluation.run(dir, true, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(0, code);
        JsonNode json = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode fixture = json.get("corpora").get(0);
        JsonNode all = json.get("corpora").get(1);
        assertEquals("Fixture", fixture.get("corpus").asText());
        assertEquals("all", all.get("corpus").asText());
        assertEquals(4, all.get("gold").asInt());
        assertEquals(4, all.get("system").asInt());
        assertEquals(0.75, all.get("relaxed_precision").asDouble(), 1e-4);
        assertEquals(0.75, all.get("relaxed_recall").asDouble(), 1e-4);
        assertEquals(0.75, all.get("strict_f1").asDouble(), 1e-4);
        assertEquals(Math.round(0.75 * 2 / 3 * 10000) / 10000.0, all.get("value_f1").asDouble(), 1e-4);
        assertEquals(1.0, all.get("type_accuracy").asDouble(), 1e-4);
    }

    @Test
    void theTableHasOneRowPerCorpusAndOneForAll(@TempDir Path dir) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("A")).resolve("a.tml"), DOCUMENT);
        Files.writeString(Files.createDirectories(dir.resolve("B")).resolve("b.tml"), DOCUMENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, TimexEvaluation.run(dir, false, new PrintStream(out, true, StandardCharsets.UTF_8)));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("A "));
        assertTrue(lines[2].startsWith("B "));
        assertTrue(lines[3].startsWith("all "));
    }

    @Test
    void aMissingOrEmptyDirectoryIsOneReadableLineAndExitCodeTwo(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, TimexEvaluation.run(dir.resolve("absent"), false, System.out, errStream));
        assertEquals(2, TimexEvaluation.run(dir, false, System.out, errStream));
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("eval timex: "), lines[0]);
        assertTrue(lines[1].contains("no .tml files"), lines[1]);
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "do not read");
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2024-11-21\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>"
                + "<TEXT>&x;</TEXT></TimeML>";
        Files.writeString(dir.resolve("hostile.tml"), hostile);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TimexEvaluation.run(dir, false, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("hostile.tml"), message);
        assertTrue(!message.contains("do not read"), message);
    }
}
