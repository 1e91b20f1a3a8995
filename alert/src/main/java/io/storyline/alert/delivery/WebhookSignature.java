package io.storyline.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature headers of a webhook request, as the Standard Webhooks specification has them (the scheme of the
 * large webhook providers): {@code webhook-id} (the alert id, also the idempotency key), {@code webhook-timestamp}
 * (Unix seconds of this attempt) and {@code webhook-signature: v1,<base64 HMAC-SHA256>} of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} under the shared secret. Signing the timestamp lets a receiver
 * refuse replays: a request whose timestamp is more than a few minutes off its clock is refused. Each attempt is
 * signed anew, so a retry after a long outage still carries a fresh timestamp.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The three headers; only the id when there is no key. */
    public static Map<String, String> headers(String id, long timestampSeconds, byte[] body, byte[] key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, Long.toString(timestampSeconds));
        if (key != null) {
            headers.put(SIGNATURE, "v1," + sign(id, timestampSeconds, body, key));
        }
        return headers;
    }

    /** base64 of HMAC-SHA256({@code id.timestamp.body}). */
    public static String sign(String id, long timestampSeconds, byte[] body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /**
     * What a receiver does: whether {@code signatureHeader} (one or more space-separated {@code v1,<sig>}) holds the
     * signature of this id, timestamp and body, and the timestamp lies within {@code toleranceSeconds} of {@code
     * nowSeconds}.
     */
    public static boolean verify(String id, String timestampHeader, String signatureHeader, byte[] body, byte[] key,
                                 long nowSeconds, long toleranceSeconds) {
        if (id == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = ("v1," + sign(id, timestamp, body, key)).getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatureHeader.strip().split("\\s+")) {
            if (java.security.MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
