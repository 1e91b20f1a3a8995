package io.storyline.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A local run gives enrich, its CPU-bound stage, the cores its instances leave, and never less than a thread. */
class EnrichThreadsTest {

    @Test
    void theCoresAreSharedAmongTheEnrichInstances() {
        assertEquals(2, LocalPipeline.enrichThreads(1, 2), "one instance on two cores");
        assertEquals(4, LocalPipeline.enrichThreads(2, 8));
        assertEquals(1, LocalPipeline.enrichThreads(3, 2), "more instances than cores: one thread each");
        assertEquals(1, LocalPipeline.enrichThreads(1, 1));
    }
}
