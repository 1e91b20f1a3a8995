package io.storyline.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storyline.common.deadletter.RejectedRecordException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A raw JSON article of a schema version ingest does not know is rejected; its own version and none pass. */
class SchemaVersionTest {

    @Test
    void aFutureSchemaVersionIsRejectedWithItsOwnReason() {
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> JsonArticleReader.document(
                "{\"schema_version\":2,\"body\":\"Text.\",\"sentiment\":{\"score\":1}}"));
        assertEquals("unsupported-schema-version", e.reasonCode());
    }

    @Test
    void theCurrentVersionOrNoneIsReadAndUnknownFieldsAreIgnored() {
        assertInstanceOf(RawItem.class, JsonArticleReader.document(
                "{\"schema_version\":1,\"body\":\"Text.\",\"sentiment\":{\"score\":1}}").items().get(0));
        assertInstanceOf(RawItem.class, JsonArticleReader.document("{\"body\":\"Text.\"}").items().get(0));
    }

    @Test
    void oneFutureLineOfJsonLinesSpoilsOnlyItself() {
        List<ParsedItem> items = JsonArticleReader.lines("{\"schema_version\":3,\"body\":\"A.\"}\n{\"body\":\"B.\"}");
        assertEquals("unsupported-schema-version", assertInstanceOf(BrokenItem.class, items.get(0)).reasonCode());
        assertInstanceOf(RawItem.class, items.get(1));
    }
}
