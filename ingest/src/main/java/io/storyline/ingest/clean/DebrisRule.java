package io.storyline.ingest.clean;

import java.util.regex.Pattern;

/**
 * One family of page debris: lines that newsroom pastes and CMS exports carry along with an article but that are
 * not part of it (comment counters, share buttons, photo captions…).
 *
 * @param family    the family's name, as reported for dropped lines
 * @param pattern   matched against a whole, already normalised line
 * @param maxLength lines longer than this are prose that happens to start alike, never debris
 */
public record DebrisRule(String family, Pattern pattern, int maxLength) {

    public static DebrisRule of(String family, int maxLength, String regex) {
        return new DebrisRule(family, Pattern.compile(regex,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS), maxLength);
    }

    public boolean matches(String line) {
        return line.length() <= maxLength && pattern.matcher(line).matches();
    }
}
