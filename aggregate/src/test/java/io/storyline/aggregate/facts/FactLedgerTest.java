package io.storyline.aggregate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.aggregate.state.StateSerde;
import io.storyline.common.facts.KeyFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconciliation rule of an incident's key facts, on reports written for this test. */
class FactLedgerTest {

    private static final KeyFacts.Place MILLBROOK = new KeyFacts.Place("Millbrook", "Alabama", "United States");

    /** A member's report, each figure with a sentence that says it. */
    static KeyFacts report(Integer killed, Integer injured, String date, KeyFacts.Place place) {
        List<KeyFacts.Evidence> evidence = new ArrayList<>();
        if (killed != null) {
            evidence.add(new KeyFacts.Evidence(KeyFacts.KILLED, "" + killed, killed + " were killed.", null));
        }
        if (injured != null) {
            evidence.add(new KeyFacts.Evidence(KeyFacts.INJURED, "" + injured, injured + " were hurt.", null));
        }
        if (place != null) {
            evidence.add(new KeyFacts.Evidence(KeyFacts.PLACE, place.city(), "In " + place.city() + ".", null));
        }
        return new KeyFacts(killed, injured, date, place, evidence);
    }

    @Test
    void aHigherTollReportedAfterEveryReportOfTheOldOneReplacesIt() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, report(2, 3, "2024-03-04", MILLBROOK));
        ledger.add("a2", 100, report(2, 3, "2024-03-04", MILLBROOK));
        assertEquals(2, ledger.keyFacts().killed());
        ledger.add("a3", 101, report(3, null, "2024-03-04", null));
        KeyFacts facts = ledger.keyFacts();
        assertEquals(3, facts.killed(), "the toll rose the next day");
        assertEquals(3, facts.injured());
        assertEquals(MILLBROOK, facts.place());
        assertEquals("2024-03-04", facts.date());
        assertEquals("a3", facts.evidence().get(0).articleId());
        assertEquals("3 were killed.", facts.evidence().get(0).sentence());
    }

    @Test
    void conflictingReportsOfOneDayGoToTheMostReportedAndTheOutlierStaysInTheEvidence() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, report(1, 0, null, null));
        ledger.add("a2", 100, report(1, 0, null, null));
        ledger.add("a3", 100, report(13, 0, null, null));
        KeyFacts facts = ledger.keyFacts();
        assertEquals(1, facts.killed());
        assertTrue(facts.evidence().stream().anyMatch(e -> e.fact().equals(KeyFacts.KILLED)
                && e.value().equals("13") && e.articleId().equals("a3")), facts.evidence().toString());
        ledger.add("a4", 100, report(2, null, null, null));
        ledger.add("a5", 100, report(2, null, null, null));
        assertEquals(1, ledger.keyFacts().killed(), "a tie goes to the lower figure");
    }

    @Test
    void aStatedFigureOutranksZerosInferredFromSilence() {
        FactLedger ledger = new FactLedger();
        KeyFacts onlyKilled = new KeyFacts(1, 0, null, null, List.of(
                new KeyFacts.Evidence(KeyFacts.KILLED, "1", "A man was killed.", null),
                new KeyFacts.Evidence(KeyFacts.INJURED, "0", "A man was killed.", null, KeyFacts.Evidence.INFERRED)));
        ledger.add("a1", 100, onlyKilled);
        ledger.add("a2", 100, onlyKilled);
        assertEquals(0, ledger.keyFacts().injured(), "with nothing stated, the inferred zero stands");
        ledger.add("a3", 100, report(1, 2, null, null));
        KeyFacts facts = ledger.keyFacts();
        assertEquals(2, facts.injured(), "two reports that say nothing of injuries do not outvote one that counts two");
        assertTrue(facts.evidence().stream().anyMatch(e -> KeyFacts.Evidence.INFERRED.equals(e.basis())),
                "the outvoted inferred zero stays in the evidence, marked so");
        ledger.remove("a3", report(1, 2, null, null).withoutSentences());
        assertEquals(0, ledger.keyFacts().injured());
    }

    @Test
    void aCorrectedReportIsTakenBackOut() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, report(2, null, null, MILLBROOK));
        KeyFacts wrong = report(5, null, null, null);
        ledger.add("a2", 101, wrong);
        assertEquals(5, ledger.keyFacts().killed());
        ledger.remove("a2", wrong.withoutEvidence());
        ledger.add("a2", 101, report(2, null, null, null));
        assertEquals(2, ledger.keyFacts().killed());
        assertTrue(ledger.keyFacts().evidence().stream().noneMatch(e -> e.value().equals("5")));
    }

    @Test
    void thePlaceIsVotedCountryFirstThenRegionThenCity() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, report(null, null, null, MILLBROOK));
        ledger.add("a2", 100, report(null, null, null, new KeyFacts.Place(null, "Alabama", "United States")));
        ledger.add("a3", 100, report(null, null, null, new KeyFacts.Place("Millbrook", "Illinois", "United States")));
        assertEquals(MILLBROOK, ledger.keyFacts().place());
    }

    @Test
    void mergedLedgersAddUpAndStayBounded() {
        FactLedger a = new FactLedger();
        FactLedger b = new FactLedger();
        for (int i = 0; i < 40; i++) {
            (i % 2 == 0 ? a : b).add("a" + i, 100 + i % 3, report(i % 9, i % 7, null, null));
        }
        a.absorb(b);
        assertTrue(a.killed.size() <= FactLedger.MAX_VALUES && a.injured.size() <= FactLedger.MAX_VALUES);
        a.killed.values().forEach(t -> assertTrue(t.recent.size() <= FactLedger.REPORTS_KEPT));
        assertTrue(a.keyFacts().evidence().size() <= 2 * (FactLedger.REPORTS_KEPT + FactLedger.CONFLICTS_SHOWN));
    }

    @Test
    void onlyATollOrThePlaceIsAChangeAlertingHears() {
        KeyFacts before = report(1, 2, "2024-03-04", MILLBROOK);
        assertFalse(FactLedger.tollOrPlaceChanged(before, report(1, 2, "2024-03-05", MILLBROOK)));
        assertTrue(FactLedger.tollOrPlaceChanged(before, report(2, 2, "2024-03-04", MILLBROOK)));
        assertTrue(FactLedger.tollOrPlaceChanged(KeyFacts.none(), report(null, null, null, MILLBROOK)));
    }

    @Test
    void aLedgerSurvivesTheStateStoreAndNothingIsKnownOfAnEmptyOne() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, report(2, 3, "2024-03-04", MILLBROOK));
        StateSerde<FactLedger> serde = StateSerde.of(FactLedger.class);
        FactLedger read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", ledger));
        assertEquals(ledger.keyFacts(), read.keyFacts());
        KeyFacts none = new FactLedger().keyFacts();
        assertNull(none.killed());
        assertNull(none.place());
        assertTrue(none.isEmpty());
    }

    /** A report that counts only the dead: its injured zero is inferred from silence. */
    private static KeyFacts onlyDead(int killed) {
        return new KeyFacts(killed, 0, null, null, List.of(
                new KeyFacts.Evidence(KeyFacts.KILLED, "" + killed, killed + " died.", null),
                new KeyFacts.Evidence(KeyFacts.INJURED, "0", killed + " died.", null, KeyFacts.Evidence.INFERRED)));
    }

    @Test
    void laterReportsThatCountOnlyTheDeadTakeTheWoundedWhoDiedOffTheInjured() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, report(0, 1, null, null));
        ledger.add("a2", 102, onlyDead(1));
        ledger.add("a3", 103, onlyDead(1));
        assertEquals(0, ledger.keyFacts().injured(), "the wounded victim died: later reports count one dead");
        assertEquals(1, ledger.keyFacts().killed());
        ledger.add("a4", 101, report(1, 1, null, null));
        assertEquals(1, ledger.keyFacts().injured(), "a tie of a stated figure and inferred zeros goes to the stated");
    }

    @Test
    void aRegionSomeReportWritesOutranksGuessedOnesAndTakesTheirTown() {
        FactLedger ledger = new FactLedger();
        KeyFacts.Place guessed = new KeyFacts.Place("Springfield", "Missouri", "United States");
        KeyFacts guess = new KeyFacts(null, null, null, guessed, List.of(new KeyFacts.Evidence(KeyFacts.PLACE,
                "Springfield, Missouri, United States", "Springfield police said.", null, KeyFacts.Evidence.INFERRED)));
        ledger.add("a1", 100, guess);
        ledger.add("a2", 100, guess);
        ledger.add("a3", 101, report(null, null, null, new KeyFacts.Place("Eugene", "Oregon", "United States")));
        ledger.add("a4", 102, report(null, null, null, new KeyFacts.Place("Springfield", "Oregon", "United States")));
        assertEquals(new KeyFacts.Place("Springfield", "Oregon", "United States"), ledger.keyFacts().place());
    }

    @Test
    void aTieOfDaysGoesToTheOneATollsSentenceNames() {
        FactLedger ledger = new FactLedger();
        ledger.add("a1", 100, new KeyFacts(null, null, "2024-03-04", null, List.of(new KeyFacts.Evidence(
                KeyFacts.DATE, "2024-03-04", "Deputies responded Monday night.", null, KeyFacts.Evidence.INFERRED))));
        ledger.add("a2", 100, new KeyFacts(1, null, "2024-03-05", null, List.of(new KeyFacts.Evidence(
                KeyFacts.DATE, "2024-03-05", "A shooting early Tuesday left one dead.", null))));
        assertEquals("2024-03-05", ledger.keyFacts().date());
    }
}
