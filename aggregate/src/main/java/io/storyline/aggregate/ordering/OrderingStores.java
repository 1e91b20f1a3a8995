package io.storyline.aggregate.ordering;

import io.storyline.aggregate.state.StateSerde;
import io.storyline.common.progress.ProgressBoard;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The ordering stage's stores: articles waiting for release, and the progress of every input partition. */
public final class OrderingStores {

    private final String prefix;

    public OrderingStores(String prefix) {
        this.prefix = prefix;
    }

    String buffer() {
        return prefix + "order-buffer";
    }

    String progress() {
        return prefix + "order-progress";
    }

    public List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(buffer()), Serdes.String(),
                        StateSerde.of(OrderEnvelope.class)),
                ProgressBoard.store(progress()));
    }

    public String[] names() {
        return new String[] {buffer(), progress()};
    }
}
