package io.storyline.aggregate.ordering;

import io.storyline.aggregate.state.StateSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The ordering stage's stores: articles waiting for release, and how far each input partition has come. */
public final class OrderingStores {

    private final String prefix;

    public OrderingStores(String prefix) {
        this.prefix = prefix;
    }

    String buffer() {
        return prefix + "order-buffer";
    }

    String watermarks() {
        return prefix + "order-watermarks";
    }

    public List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(buffer()), Serdes.String(),
                        StateSerde.of(OrderEnvelope.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(watermarks()), Serdes.Integer(),
                        StateSerde.of(Watermark.class)));
    }

    public String[] names() {
        return new String[] {buffer(), watermarks()};
    }
}
