package io.storyline.alert.rules;

import java.net.URI;

/**
 * An HTTP endpoint alerts are POSTed to.
 *
 * @param name       how rules refer to it
 * @param format     the body: the alert's JSON, or a Slack-compatible message
 * @param signingKey the HMAC-SHA256 key of the signature headers; null for none (allowed for Slack only, whose
 *                   webhook URL is itself the secret)
 */
public record Webhook(String name, URI url, Format format, byte[] signingKey) {

    public enum Format {
        JSON, SLACK
    }

    /** Without the key: settings get logged. */
    @Override
    public String toString() {
        return name + " (" + format.name().toLowerCase(java.util.Locale.ROOT) + ", " + url + ")";
    }
}
