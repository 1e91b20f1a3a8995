package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LabelMergerTest {

    @Test
    void aMiscRunReplacesPrimaryLabelsInsideIt() {
        String[] primary = {"O", "LOC", "O", "O"};
        String[] misc = {"O", "MISC", "MISC", "O"};
        assertArrayEquals(new String[] {"O", "MISC", "MISC", "O"}, LabelMerger.merge(primary, misc));
    }

    @Test
    void aMiscRunCuttingAPrimaryNameLeavesThePrimaryName() {
        String[] primary = {"ORG", "ORG", "ORG", "O"};
        String[] misc = {"MISC", "MISC", "O", "O"};
        assertArrayEquals(primary, LabelMerger.merge(primary, misc));
    }

    @Test
    void primaryLabelsStandWhereTheFourClassModelSaysNothing() {
        String[] primary = {"PER", "PER", "O"};
        String[] misc = {"O", "O", "O"};
        assertArrayEquals(primary, LabelMerger.merge(primary, misc));
    }
}
