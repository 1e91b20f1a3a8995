package io.storyline.enrich.eval.ner;

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

class NerEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void scoresAFileAndPrintsJson() throws Exception {
        Path conll = dir.resolve("tiny.conll");
        Files.writeString(conll, """
                -DOCSTART- O

                Angela I-PER
                Merkel I-PER
                visited I-LOC
                Paris I-LOC
                on O
                Monday O
                . O
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = NerEvaluation.run(conll, true, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        JsonNode scores = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).path("storyline");
        assertEquals(2, scores.path("micro_per_loc_org").path("gold").asInt());
        assertEquals(1, scores.path("labels").path("PER").path("correct").asInt());
        // "visited Paris" is deliberately a wrong gold span: the extractor's "Paris" does not match it.
        assertEquals(0, scores.path("labels").path("LOC").path("correct").asInt());
    }

    @Test
    void aMissingFileIsOneReadableLineAndExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NerEvaluation.run(dir.resolve("absent.conll"), false, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("no such file: "), message);
        assertEquals(1, message.lines().count());
    }
}
