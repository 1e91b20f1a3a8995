package io.storyline.launcher.dlq;

import io.storyline.launcher.UserError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options that pick dead letters, shared by listing and replaying. */
public final class LetterFilter {

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([smhdw])");

    @Option(names = "--since", paramLabel = "WHEN",
            description = "only letters written since then: an instant (2024-11-21T06:00:00Z), a day (2024-11-21, "
                    + "UTC) or a time ago (90m, 6h, 2d, 1w, PT6H)")
    String since;

    @Option(names = "--reason", paramLabel = "CODE", description = "only letters with this reason code")
    String reason;

    @Option(names = "--service", paramLabel = "NAME", description = "only letters from ingest, enrich or aggregate")
    String service;

    /** The start of the window, or null for the whole topic. */
    Instant since(Instant now) {
        return since == null ? null : parseSince(since, now);
    }

    Predicate<DeadLetter> matches() {
        return letter -> (reason == null || reason.equals(letter.reason()))
                && (service == null || service.equals(letter.service()));
    }

    /** What was asked for, for the report's first line. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (service != null) {
            out.append(" from ").append(service);
        }
        if (reason != null) {
            out.append(" with reason ").append(reason);
        }
        if (since != null) {
            out.append(" since ").append(since);
        }
        return out.toString();
    }

    static Instant parseSince(String text, Instant now) {
        String value = text.strip();
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return now.minus(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
            Matcher ago = AGO.matcher(value.toLowerCase(Locale.ROOT));
            if (ago.matches()) {
                long amount = Long.parseLong(ago.group(1));
                Duration unit = switch (ago.group(2)) {
                    case "s" -> Duration.ofSeconds(1);
                    case "m" -> Duration.ofMinutes(1);
                    case "h" -> Duration.ofHours(1);
                    case "d" -> Duration.ofDays(1);
                    default -> Duration.ofDays(7);
                };
                return now.minus(unit.multipliedBy(amount));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UserError("--since " + text + " is neither an instant (2024-11-21T06:00:00Z), a day "
                    + "(2024-11-21) nor a time ago (6h, 2d, PT6H)");
        }
    }
}
