package io.storyline.common.testing;

import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;

/**
 * Contexts for a processor of task 0_0 over stores that outlive it: a second context over the same stores is the
 * task after a restart, its stores as the changelog restores them.
 */
public final class TaskContexts {

    private TaskContexts() {
    }

    public static <K, V> MockProcessorContext<K, V> over(List<? extends StateStore> stores, File stateDir,
                                                         Instant now) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "task-contexts");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<K, V> context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir);
        context.setCurrentSystemTimeMs(now.toEpochMilli());
        for (StateStore store : stores) {
            if (!store.isOpen()) {
                store.init(context.getStateStoreContext(), store);
            }
            context.addStateStore(store);
        }
        return context;
    }
}
