package io.storyline.ingest.format;

import io.storyline.common.deadletter.RejectedRecordException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Bytes to text, strictly: a byte sequence that is not valid in the charset rejects the record instead of
 * turning into replacement characters that would end up in an article.
 */
public final class TextDecoder {

    private TextDecoder() {
    }

    /**
     * @param charsetName the charset the producer declared, null for UTF-8
     * @throws RejectedRecordException {@code invalid-encoding} for bytes the charset cannot decode or an unknown
     *                                 charset
     */
    public static String decode(byte[] bytes, String charsetName) {
        Charset charset = charset(charsetName);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            long offset = firstBadOffset(bytes, charset);
            throw new RejectedRecordException("invalid-encoding", "the value is not valid " + charset.name()
                    + " (first undecodable byte at offset " + offset + "); publish UTF-8 text or name the charset"
                    + " in the '" + ContentType.HEADER + "' header");
        } catch (CharacterCodingException e) {
            throw new RejectedRecordException("invalid-encoding", "the value cannot be decoded as " + charset.name()
                    + ": " + e.getMessage());
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new RejectedRecordException("invalid-encoding", "unknown charset '" + name + "' in the '"
                    + ContentType.HEADER + "' header");
        }
    }

    private static long firstBadOffset(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        decoder.decode(in, out, true);
        return in.position();
    }
}
