package io.storyline.aggregate.clustering;

import io.storyline.aggregate.state.MemoryTable;
import io.storyline.aggregate.state.SerializedTable;
import io.storyline.aggregate.state.Table;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every table the engine keeps, all of them bounded by the active window: incidents and their member articles
 * leave together when an incident retires, and with them their index entries.
 *
 * @param incidents  active incidents by id
 * @param articles   active member articles by id
 * @param postings   candidate index: {@code matchKey SEPARATOR incidentId}
 * @param reprints   reprint index: {@code band SEPARATOR articleId}
 * @param statistics term document frequencies over active incidents, and the active incident count
 * @param schedule   retirement schedule: {@code dueTime SEPARATOR incidentId}
 */
public record ClusteringState(
        Table<IncidentState> incidents,
        Table<MemberArticle> articles,
        Table<Boolean> postings,
        Table<Boolean> reprints,
        Table<Long> statistics,
        Table<String> schedule) {

    /** Names of the tables, used as Kafka Streams store names (prefixed by the service). */
    public static final String INCIDENTS = "incidents";
    public static final String ARTICLES = "articles";
    public static final String POSTINGS = "postings";
    public static final String REPRINTS = "reprints";
    public static final String STATISTICS = "statistics";
    public static final String SCHEDULE = "schedule";

    /** Tables holding values as bytes through the stores' serdes, as Kafka Streams stores do. */
    public static ClusteringState serialized() {
        return new ClusteringState(new SerializedTable<>(ClusteringStores.INCIDENT_SERDE),
                new SerializedTable<>(ClusteringStores.ARTICLE_SERDE), new SerializedTable<>(Serdes.Boolean()),
                new SerializedTable<>(Serdes.Boolean()), new SerializedTable<>(Serdes.Long()),
                new SerializedTable<>(Serdes.String()));
    }

    public static ClusteringState inMemory() {
        return new ClusteringState(new MemoryTable<>(), new MemoryTable<>(), new MemoryTable<>(), new MemoryTable<>(),
                new MemoryTable<>(), new MemoryTable<>());
    }
}
