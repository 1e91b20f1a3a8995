package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.MemoryTable;
import io.storyline.aggregate.state.SerializedTable;
import io.storyline.aggregate.state.Table;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every table the engine keeps, all of them bounded by the active window: incidents and their member articles
 * leave together when an incident retires, and with them their index entries.
 *
 * @param incidents  active incidents by id: their records
 * @param profiles   active incidents by id: what comparisons read ({@link IncidentProfile})
 * @param articles   active member articles by id
 * @param postings   candidate index: {@code matchKey SEPARATOR incidentId}
 * @param reprints   reprint index: {@code band SEPARATOR articleId}
 * @param statistics term document frequencies over active incidents, and the active incident count
 * @param schedule   retirement schedule: {@code dueTime SEPARATOR incidentId}
 */
public record ClusteringState(
        Table<IncidentState> incidents,
        Table<IncidentProfile> profiles,
        Table<MemberArticle> articles,
        Table<Boolean> postings,
        Table<Boolean> reprints,
        Table<Long> statistics,
        Table<String> schedule) {

    /** Names of the tables, used as Kafka Streams store names (prefixed by the service). */
    public static final String INCIDENTS = "incidents";
    public static final String PROFILES = "profiles";
    public static final String ARTICLES = "articles";
    public static final String POSTINGS = "postings";
    public static final String REPRINTS = "reprints";
    public static final String STATISTICS = "statistics";
    public static final String SCHEDULE = "schedule";

    /** Makes one table of the state; a generic method, so implemented by a method reference. */
    public interface TableMaker {
        <V> Table<V> make(String name, Serde<V> serde);
    }

    /** Tables made by {@code maker}, each with the serde of its store in the service. */
    public static ClusteringState of(TableMaker maker) {
        return new ClusteringState(maker.make(INCIDENTS, ClusteringStores.INCIDENT_SERDE),
                maker.make(PROFILES, ClusteringStores.PROFILE_SERDE),
                maker.make(ARTICLES, ClusteringStores.ARTICLE_SERDE),
                maker.make(POSTINGS, Serdes.Boolean()), maker.make(REPRINTS, Serdes.Boolean()),
                maker.make(STATISTICS, Serdes.Long()), maker.make(SCHEDULE, Serdes.String()));
    }

    /** Tables holding values as bytes through the stores' serdes, as Kafka Streams stores do. */
    public static ClusteringState serialized() {
        return of(ClusteringState::serializedTable);
    }

    private static <V> Table<V> serializedTable(String name, Serde<V> serde) {
        return new SerializedTable<>(serde);
    }

    public static ClusteringState inMemory() {
        return new ClusteringState(new MemoryTable<>(), new MemoryTable<>(), new MemoryTable<>(), new MemoryTable<>(),
                new MemoryTable<>(), new MemoryTable<>(), new MemoryTable<>());
    }
}
