package io.storyline.ingest.clean;

import java.time.LocalDate;
import java.util.List;

/**
 * An article text with what was not article taken out of it.
 *
 * @param body          the text left, normalised
 * @param dateMarker    the date of a leading {@code date YYYY-MM-DD} marker, or null
 * @param sourceUrl     the URL of a trailing {@code Source: <url>} line, or null
 * @param sourceName    the name of a trailing {@code Source: <name>} line without a URL, or null
 * @param droppedLines  the debris family of each line dropped (for tests and diagnostics)
 */
public record CleanedText(String body, LocalDate dateMarker, String sourceUrl, String sourceName,
                          List<String> droppedLines) {
}
