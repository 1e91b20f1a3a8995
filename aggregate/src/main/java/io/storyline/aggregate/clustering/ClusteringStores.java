package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.StoreTable;
import io.storyline.aggregate.state.StateSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The Kafka Streams stores behind {@link ClusteringState}: one persistent, changelogged store per table. */
public final class ClusteringStores {

    static final StateSerde<IncidentState> INCIDENT_SERDE = StateSerde.of(IncidentState.class);
    static final StateSerde<IncidentProfile> PROFILE_SERDE = StateSerde.of(IncidentProfile.class);
    static final StateSerde<MemberArticle> ARTICLE_SERDE = StateSerde.of(MemberArticle.class);

    private final String prefix;

    /** @param prefix prepended to every store name, so store and changelog names say which service owns them */
    public ClusteringStores(String prefix) {
        this.prefix = prefix;
    }

    public String incidentsStore() {
        return prefix + ClusteringState.INCIDENTS;
    }

    public List<StoreBuilder<?>> builders() {
        return List.of(
                builder(ClusteringState.INCIDENTS, INCIDENT_SERDE),
                builder(ClusteringState.PROFILES, PROFILE_SERDE),
                builder(ClusteringState.ARTICLES, ARTICLE_SERDE),
                builder(ClusteringState.POSTINGS, Serdes.Boolean()),
                builder(ClusteringState.REPRINTS, Serdes.Boolean()),
                builder(ClusteringState.STATISTICS, Serdes.Long()),
                builder(ClusteringState.SCHEDULE, Serdes.String()));
    }

    public List<String> names() {
        return builders().stream().map(StoreBuilder::name).toList();
    }

    /** The state on the stores of the task {@code context} belongs to. */
    public ClusteringState open(ProcessingContext context) {
        return new ClusteringState(table(context, ClusteringState.INCIDENTS), table(context, ClusteringState.PROFILES),
                table(context, ClusteringState.ARTICLES),
                table(context, ClusteringState.POSTINGS), table(context, ClusteringState.REPRINTS),
                table(context, ClusteringState.STATISTICS), table(context, ClusteringState.SCHEDULE));
    }

    private <V> StoreTable<V> table(ProcessingContext context, String name) {
        KeyValueStore<String, V> store = context.getStateStore(prefix + name);
        return new StoreTable<>(store);
    }

    private <V> StoreBuilder<KeyValueStore<String, V>> builder(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(prefix + name), Serdes.String(), values);
    }
}
