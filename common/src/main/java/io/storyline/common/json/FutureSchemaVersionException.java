package io.storyline.common.json;

/**
 * A record written in a newer {@code schema_version} than this reader knows. Fields added within a version are
 * ignored; a new version means a change a reader cannot safely guess at, so the record is rejected (and can be
 * replayed from the dead-letter topic once the reader is upgraded).
 */
public class FutureSchemaVersionException extends InvalidRecordException {

    public FutureSchemaVersionException(String record, int version, int known) {
        super(record + " schema_version " + version + " is newer than this service reads (" + known
                + "); upgrade it, then replay the record from the dead-letter topic");
    }

    /** @throws FutureSchemaVersionException when {@code version} is above {@code known} */
    public static void requireKnown(String record, int version, int known) {
        if (version > known) {
            throw new FutureSchemaVersionException(record, version, known);
        }
    }
}
