package io.storyline.alert.raise;

import io.storyline.common.json.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The alert service's stores: each incident's track, and which incidents have events waiting since when. */
record AlertStores(String tracks, String waiting) {

    static AlertStores named(String prefix) {
        return new AlertStores(prefix + "incidents", prefix + "waiting");
    }

    List<StoreBuilder<KeyValueStore<String, ?>>> builders() {
        StoreBuilder<KeyValueStore<String, IncidentTrack>> tracksStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(tracks), Serdes.String(), JsonSerde.of(IncidentTrack.class));
        StoreBuilder<KeyValueStore<String, Long>> waitingStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(waiting), Serdes.String(), Serdes.Long());
        return List.of(cast(tracksStore), cast(waitingStore));
    }

    @SuppressWarnings("unchecked")
    private static StoreBuilder<KeyValueStore<String, ?>> cast(StoreBuilder<?> builder) {
        return (StoreBuilder<KeyValueStore<String, ?>>) builder;
    }
}
