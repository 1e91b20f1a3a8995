package io.storyline.ingest.clean;

import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.ingest.normalise.TextNormaliser;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the newsroom conventions and page debris out of an article text: a leading {@code date YYYY-MM-DD} marker
 * (alone or on the first sentence's line), trailing {@code Source:} lines, and lines of the {@link DebrisRules}
 * families wherever they stand.
 */
public final class BodyCleaner {

    private static final Pattern DATE_MARKER = Pattern.compile(
            "^date\\s*:?\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?=\\s|$)[ \\t]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "(source|sources|nguồn|quelle|fuente|fonte|источник)\\s*:\\s*(.{1,280})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    /** A credit in parentheses closing a long paragraph: the credit goes, the paragraph stays. */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "\\s*\\(\\s*(\\p{L}+\\s+)?(photo|photos|image|picture|video|illustration|credit|ảnh|foto|фото)"
                    + "\\s*[:/]\\s*[^()]{1,100}\\)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private BodyCleaner() {
    }

    /**
     * @param text the article text, any whitespace
     * @throws RejectedRecordException {@code invalid-date} when the date marker names no calendar day
     */
    public static CleanedText clean(String text) {
        String normalised = TextNormaliser.body(text);
        LocalDate marker = null;
        Matcher date = DATE_MARKER.matcher(normalised);
        if (date.find()) {
            marker = calendarDay(date);
            normalised = normalised.substring(date.end());
        }
        List<String> lines = new ArrayList<>(List.of(normalised.split("\n", -1)));
        List<String> dropped = new ArrayList<>();
        String sourceUrl = null;
        String sourceName = null;
        // The trailer: from the end, every blank, debris or Source: line until the first line of prose.
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isEmpty() || DebrisRules.familyOf(line).isPresent()) {
                continue;
            }
            Matcher source = SOURCE_LINE.matcher(line);
            if (!source.matches()) {
                break;
            }
            Matcher url = URL.matcher(source.group(2));
            if (url.find()) {
                // The line nearest the prose wins: the loop walks upwards.
                sourceUrl = url.group().replaceAll("[.,;:)\\]>\"'»]+$", "");
            } else {
                sourceName = source.group(2).trim();
            }
            lines.set(i, "");
            dropped.add("source-line");
        }
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            Optional<String> family = DebrisRules.familyOf(line);
            if (family.isPresent()) {
                dropped.add(family.get());
                continue;
            }
            Matcher credit = TRAILING_CREDIT.matcher(line);
            if (credit.find()) {
                dropped.add("photo-credit");
                line = line.substring(0, credit.start());
            }
            body.append(line).append('\n');
        }
        return new CleanedText(TextNormaliser.body(body.toString()), marker, sourceUrl, sourceName,
                List.copyOf(dropped));
    }

    private static LocalDate calendarDay(Matcher date) {
        try {
            return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
        } catch (DateTimeException e) {
            throw new RejectedRecordException("invalid-date", "the date marker '" + date.group().trim()
                    + "' is not a calendar day: " + e.getMessage());
        }
    }
}
