package io.storyline.common.deadletter;

/**
 * Part of an input record that a topology rejects while the rest of it goes on (one broken item of an RSS feed,
 * say). Whole records that cannot be processed are better rejected by throwing {@link RejectedRecordException}.
 *
 * @param key        the bytes to key the dead letter with (the input key, or the item's own)
 * @param value      the rejected bytes, as they arrived
 * @param reasonCode short stable code, as in {@link RejectedRecordException#reasonCode()}
 * @param reason     what is wrong, for a person
 */
public record DeadLetter(byte[] key, byte[] value, String reasonCode, String reason) {
}
