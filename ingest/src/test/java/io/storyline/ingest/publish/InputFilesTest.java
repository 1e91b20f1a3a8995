package io.storyline.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.ingest.format.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void directoriesAreWalkedRecursivelyAndUnknownFilesReported() throws IOException {
        write("a.txt", "text");
        write("sub/b.json", "{}");
        write("sub/deeper/c.jsonl", "{}");
        write("sub/d.rss", "<rss/>");
        write("e.atom", "<feed/>");
        write("notes.pdf", "%PDF");
        write(".DS_Store", "junk");
        InputFiles.Expansion expansion = InputFiles.expand(List.of(dir.toString()));
        assertEquals(List.of("a.txt", "e.atom", "sub/b.json", "sub/d.rss", "sub/deeper/c.jsonl"),
                expansion.inputs().stream().map(i -> dir.relativize(i.path()).toString()).toList());
        assertEquals(List.of(ContentType.TEXT, ContentType.FEED, ContentType.JSON, ContentType.FEED,
                ContentType.JSON_LINES), expansion.inputs().stream().map(FeedInput::type).toList());
        assertEquals(1, expansion.rejected().size());
        assertEquals("unknown-extension", expansion.rejected().get(0).reasonCode());
        assertTrue(expansion.rejected().get(0).input().endsWith("notes.pdf"));
    }

    @Test
    void globsMissingFilesAndStdin() throws IOException {
        write("feeds/one.xml", "<rss/>");
        write("feeds/two.xml", "<rss/>");
        write("feeds/skip.txt", "x");
        InputFiles.Expansion expansion = InputFiles.expand(List.of(dir + "/feeds/*.xml", dir + "/nothing.txt",
                dir + "/feeds/*.json", "-", dir + "/feeds/one.xml"));
        assertEquals(List.of("one.xml", "two.xml", "-"), expansion.inputs().stream()
                .map(i -> i.isStdin() ? "-" : i.path().getFileName().toString()).toList(),
                "each file once, in argument order");
        assertEquals(List.of("not-found", "no-match"),
                expansion.rejected().stream().map(Rejection::reasonCode).toList());
    }

    @Test
    void jsonLinesAreSplitOneRecordPerLine() throws IOException {
        Path file = write("batch.jsonl", "{\"body\":\"a\"}\r\n\n  \n{\"body\":\"b\"}");
        List<OutgoingRecord> records = InputReader.records(new FeedInput(file, ContentType.JSON_LINES), null);
        assertEquals(2, records.size());
        assertEquals(file + ":1", records.get(0).key());
        assertEquals(file + ":4", records.get(1).key());
        assertEquals("{\"body\":\"a\"}", new String(records.get(0).value(), StandardCharsets.UTF_8));
        assertEquals("application/json", records.get(1).contentType());
    }

    @Test
    void stdinIsSniffedAndSplitWhenItIsJsonLines() throws IOException {
        byte[] lines = "{\"body\":\"a\"}\n{\"body\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, InputReader.records(FeedInput.stdin(), new ByteArrayInputStream(lines)).size());
        byte[] text = "Plain text article.".getBytes(StandardCharsets.UTF_8);
        List<OutgoingRecord> one = InputReader.records(FeedInput.stdin(), new ByteArrayInputStream(text));
        assertEquals(1, one.size());
        assertEquals(null, one.get(0).contentType(), "ingest sniffs what stdin holds");
    }

    @Test
    void summaryPrintsAsOneLine() {
        PublishSummary summary = new PublishSummary(3, 5, List.of(
                new Rejection("notes.pdf", "unknown-extension", "unknown extension")));
        assertEquals("published 5 records from 3 inputs; rejected 1: notes.pdf (unknown extension)",
                summary.toString());
        assertEquals(false, summary.ok());
        assertTrue(new PublishSummary(1, 1, List.of()).ok());
    }
}
