package io.storyline.ingest.publish;

import io.storyline.ingest.format.ContentSniffer;
import io.storyline.ingest.format.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one input into the records to publish: a JSON-lines input becomes one record per line (so one broken
 * line cannot hold back the others and each line has its own offset), anything else one record.
 */
public final class InputReader {

    private InputReader() {
    }

    /**
     * The input's records; an input that cannot be read or holds nothing adds its rejection to {@code rejected}
     * and gives no records. The publisher and {@link ExpectedArticles} judge inputs the same way through this.
     */
    public static List<OutgoingRecord> recordsOrRejection(FeedInput input, InputStream stdin,
                                                          List<Rejection> rejected) {
        List<OutgoingRecord> records;
        try {
            records = records(input, stdin);
        } catch (IOException | RuntimeException e) {
            rejected.add(new Rejection(input.name(), "unreadable", "cannot read: " + e.getMessage()));
            return List.of();
        }
        if (records.isEmpty()) {
            rejected.add(new Rejection(input.name(), "empty-record", "the input holds nothing to publish"));
        }
        return records;
    }

    public static List<OutgoingRecord> records(FeedInput input, InputStream stdin) throws IOException {
        byte[] bytes = input.isStdin() ? stdin.readAllBytes() : Files.readAllBytes(input.path());
        ContentType type = input.type() != null ? input.type() : ContentSniffer.sniff(bytes);
        if (type != ContentType.JSON_LINES) {
            return List.of(new OutgoingRecord(input.name(), bytes, input.type() == null ? null : type.mediaType()));
        }
        List<OutgoingRecord> lines = new ArrayList<>();
        int start = 0;
        int lineNumber = 1;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                byte[] line = Arrays.copyOfRange(bytes, start, end);
                if (!isBlank(line)) {
                    lines.add(new OutgoingRecord(input.name() + ":" + lineNumber, line,
                            ContentType.JSON.mediaType()));
                }
                start = i + 1;
                lineNumber++;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
