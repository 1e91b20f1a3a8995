package io.storyline.ingest.normalise;

import io.storyline.common.deadletter.RejectedRecordException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity rules of DESIGN.md: an article's id is the one its source supplied, else one derived from its
 * canonical URL, else one derived from its normalised body, so that publishing the same article again yields the
 * same id. The content hash covers the normalised title and body: a new hash under a known id is a correction.
 */
public final class ArticleIdentity {

    public static final int MAX_ID_LENGTH = 256;

    private ArticleIdentity() {
    }

    /**
     * @param suppliedId   the producer's id, or null
     * @param canonicalUrl the {@link CanonicalUrl}, or null
     * @param body         the normalised body
     * @throws RejectedRecordException {@code invalid-id} for a supplied id too long or holding control characters
     */
    public static String id(String suppliedId, String canonicalUrl, String body) {
        if (suppliedId != null && !suppliedId.isBlank()) {
            String id = suppliedId.strip();
            if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
                throw new RejectedRecordException("invalid-id", "the supplied id must be at most " + MAX_ID_LENGTH
                        + " characters without control characters");
            }
            return id;
        }
        if (canonicalUrl != null) {
            return "url-" + digest(urlKey(canonicalUrl)).substring(0, 32);
        }
        return "text-" + digest(body).substring(0, 32);
    }

    /** SHA-256 of title and body, hex. */
    public static String contentHash(String title, String body) {
        return digest((title == null ? "" : title) + "\u0000" + body);
    }

    /** http and https, with or without {@code www.}, are the same article. */
    private static String urlKey(String canonicalUrl) {
        String rest = canonicalUrl.substring(canonicalUrl.indexOf("://") + 3);
        return rest.startsWith("www.") ? rest.substring(4) : rest;
    }

    private static String digest(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
