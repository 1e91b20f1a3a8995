package io.storyline.enrich.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichFileTest {

    @TempDir
    Path dir;

    @Test
    void enrichesGoodLinesAndReportsBadOnesByNumber() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, List.of(
                "{\"id\":\"a1\",\"url\":\"https://example.org/a1\",\"source\":\"example.org\",\"title\":\"Fire\","
                        + "\"body\":\"Firefighters in Lyon put out a fire on Monday.\",\"published_at\":\"2025-05-05\"}",
                "not json",
                "{\"title\":\"no body\"}",
                "",
                "{\"schema_version\":1,\"id\":\"b2\",\"body\":\"Officials in Oslo said nothing.\","
                        + "\"content_hash\":\"h\",\"language\":\"en\"}"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EnrichFile.run(input, output, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, code);
        String report = err.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("in.jsonl:2: not JSON"), report);
        assertTrue(report.contains("in.jsonl:3: required field 'body' is missing or empty"), report);
        assertTrue(report.contains("enriched 2 articles"), report);

        List<String> lines = Files.readAllLines(output);
        assertEquals(2, lines.size());
        EnrichedArticle first = Json.mapper().readValue(lines.get(0), EnrichedArticle.class);
        assertEquals("a1", first.article().id());
        assertEquals(1, first.article().schemaVersion());
        assertEquals("article", first.article().publishedAtSource());
        assertTrue(first.entities().stream().anyMatch(e -> e.text().equals("Lyon") && "France".equals(e.country())));
        assertTrue(first.signature().terms().containsKey("firefighters"));
        EnrichedArticle second = Json.mapper().readValue(lines.get(1), EnrichedArticle.class);
        assertEquals("h", second.article().contentHash());
    }

    @Test
    void aMissingInputIsOneLineAndExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EnrichFile.run(dir.resolve("absent.jsonl"), dir.resolve("out.jsonl"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
    }
}
