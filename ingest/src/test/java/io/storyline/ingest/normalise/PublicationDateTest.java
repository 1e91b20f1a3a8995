package io.storyline.ingest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storyline.common.deadletter.RejectedRecordException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-11-21|2024-11-21",
            "2024-11-21T08:15:00Z|2024-11-21T08:15:00Z",
            "2024-11-21T08:15:30.123+02:00|2024-11-21T08:15:30+02:00",
            "2024-11-21 08:15:00+0200|2024-11-21T08:15:00+02:00",
            "2024-11-21T08:15:00|2024-11-21T08:15:00Z",
            "2024-11-21 08:15|2024-11-21T08:15:00Z",
            "Thu, 21 Nov 2024 08:15:00 GMT|2024-11-21T08:15:00Z",
            "Thu, 21 Nov 2024 08:15:00 +0100|2024-11-21T08:15:00+01:00",
            "21 Nov 2024 08:15 GMT|2024-11-21T08:15:00Z",
            "1732176900|2024-11-21T08:15:00Z",
            "1732176900000|2024-11-21T08:15:00Z",
    })
    void readsTheFormsFeedsUse(String given, String iso) {
        assertEquals(iso, PublicationDate.parse(given).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "21/11/2024", "2024-11-21T25:00:00Z"})
    void rejectsWhatItCannotRead(String given) {
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> PublicationDate.parse(given));
        assertEquals("invalid-date", e.reasonCode());
    }
}
