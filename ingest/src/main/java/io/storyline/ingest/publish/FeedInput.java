package io.storyline.ingest.publish;

import io.storyline.ingest.format.ContentType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One input the publisher reads: a file whose extension says its format, or standard input.
 *
 * @param path null for standard input
 * @param type the format its extension names; null for standard input (sniffed)
 */
public record FeedInput(Path path, ContentType type) {

    public static final String STDIN = "-";

    public static FeedInput stdin() {
        return new FeedInput(null, null);
    }

    public boolean isStdin() {
        return path == null;
    }

    /** The format an extension names: .txt, .json, .jsonl/.ndjson, .xml/.rss/.atom, .html/.htm. */
    public static Optional<ContentType> typeOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return Optional.ofNullable(switch (extension) {
            case "txt", "text" -> ContentType.TEXT;
            case "json" -> ContentType.JSON;
            case "jsonl", "ndjson" -> ContentType.JSON_LINES;
            case "xml", "rss", "atom" -> ContentType.FEED;
            case "html", "htm" -> ContentType.HTML;
            default -> null;
        });
    }

    /** How reports and record keys name this input. */
    public String name() {
        return isStdin() ? STDIN : path.toString();
    }
}
