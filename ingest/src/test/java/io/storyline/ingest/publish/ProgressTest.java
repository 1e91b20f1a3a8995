package io.storyline.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void drawsInPlaceAndEndsWithTheFinalCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.on(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4);
        for (int i = 0; i < 4; i++) {
            progress.recordSent();
            progress.recordSent();
            progress.inputDone();
        }
        progress.finish();
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\r["), drawn);
        String last = drawn.substring(drawn.lastIndexOf('\r'));
        assertTrue(last.startsWith("\r[" + "#".repeat(30) + "] 4/4 inputs, 8 records"), last);
        assertTrue(drawn.endsWith("\n"));
    }
}
