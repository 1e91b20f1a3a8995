package io.storyline.aggregate.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.aggregate.state.MemoryTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {

    @Test
    void keysHeldByTooManyIncidentsAreSkippedAndSharedWeightsAdd() {
        CandidateIndex index = new CandidateIndex(new MemoryTable<>(), 3);
        for (int i = 0; i < 4; i++) {
            index.add("t:police", "inc-" + i);
        }
        index.add("e:person|dana okafor", "inc-1");
        index.add("t:warehouse", "inc-1");
        index.add("t:warehouse", "inc-2");

        Map<String, Double> keys = new LinkedHashMap<>();
        keys.put("t:police", 5.0);
        keys.put("e:person|dana okafor", 1.0);
        keys.put("t:warehouse", 0.5);
        assertEquals(Map.of("inc-1", 1.5, "inc-2", 0.5), index.lookup(keys));

        index.remove("t:police", "inc-0");
        assertEquals(Map.of("inc-1", 6.5, "inc-2", 5.5, "inc-3", 5.0), index.lookup(keys));
    }
}
