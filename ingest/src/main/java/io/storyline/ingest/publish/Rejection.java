package io.storyline.ingest.publish;

/**
 * An input that did not make it, with why.
 *
 * @param input      the file (with {@code :line} for a JSON line, {@code #item} for a feed item) or {@code -} for stdin
 * @param reasonCode stable code ({@code unknown-extension}, {@code unreadable}, or ingest's own codes)
 * @param reason     the reason in words
 */
public record Rejection(String input, String reasonCode, String reason) {

    @Override
    public String toString() {
        return input + " (" + reason + ")";
    }
}
