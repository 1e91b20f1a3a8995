package io.storyline.common.json;

/**
 * A record that can say what is wrong with it after decoding. Jackson fills missing fields with null, so a
 * record written by a producer other than Storyline's own services may lack what the next stage needs; the
 * serde rejects such a record instead of passing a half-empty value downstream.
 */
public interface Validated {

    /** @throws InvalidRecordException naming the first missing or inconsistent field */
    void validate();
}
