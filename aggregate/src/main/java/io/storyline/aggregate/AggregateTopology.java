package io.storyline.aggregate;

import io.storyline.aggregate.clustering.ClusteringProcessor;
import io.storyline.aggregate.clustering.ClusteringStores;
import io.storyline.aggregate.clustering.Emission;
import io.storyline.aggregate.clustering.FeatureExtraction;
import io.storyline.aggregate.ordering.OrderEnvelope;
import io.storyline.aggregate.ordering.OrderingStores;
import io.storyline.aggregate.ordering.ReleaseInOrder;
import io.storyline.aggregate.ordering.Sequencer;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.json.JsonSerde;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.InBandSerde;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.progress.ProgressPartitioner;
import io.storyline.common.progress.ProgressStage;
import io.storyline.common.topic.Topics;
import io.storyline.common.incident.Incident;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The aggregate service's topology: enriched articles are reduced to their features in partitioned tasks,
 * funnelled into one clustering task (so every article is compared with every active incident, whatever the
 * number of instances) together with each partition's progress marks, put back in record-time order there as the
 * marks allow, and what the engine decides goes to the incidents and events topics. See {@code aggregate/README.md}
 * for why it is built this way.
 */
public final class AggregateTopology {

    /** Prefix of every store, repartition topic and processor name of this service. */
    public static final String NAME = "aggregate-";
    public static final String CLUSTERING_INPUT = NAME + "clustering-input";
    /** The sequence step's progress store and processors; names the store's changelog, so it must never change. */
    static final String PROGRESS = NAME + "progress";
    /** The queryable view of the published incidents, partitioned like {@code news.incidents}. */
    public static final String INCIDENTS_VIEW = NAME + "incidents-view";

    private AggregateTopology() {
    }

    /**
     * @param partitionCounts how many partitions news.enriched has: the sequence step's progress marks say how many
     *                        tasks it has, so the ordering stage knows how many partitions to wait for
     */
    public static Topology build(AggregateSettings settings, Topics topics, PartitionCounts partitionCounts) {
        StreamsBuilder builder = new StreamsBuilder();
        ClusteringStores stores = new ClusteringStores(NAME);
        stores.builders().forEach(builder::addStateStore);
        OrderingStores ordering = new OrderingStores(NAME);
        ordering.builders().forEach(builder::addStateStore);

        KStream<String, InBand<EnrichedArticle>> enriched = builder.stream(topics.enriched().name(),
                Consumed.with(topics.enriched().keySerde(), InBandSerde.of(topics.enriched().valueSerde())));
        KStream<String, Emission> emissions = ProgressStage.around(builder, PROGRESS, enriched, partitionCounts,
                        (KStream<String, EnrichedArticle> data) -> data
                                .processValues(FeatureExtraction::new, Named.as(NAME + "features"))
                                .process(Sequencer::new, Named.as(NAME + "sequence")))
                .repartition(Repartitioned.with(Serdes.String(), InBandSerde.of(JsonSerde.of(OrderEnvelope.class)))
                        .withName(CLUSTERING_INPUT).withNumberOfPartitions(1)
                        .withStreamPartitioner(new ProgressPartitioner<>()))
                .process(() -> new ReleaseInOrder(ordering, settings.maxWait()), Named.as(NAME + "order"),
                        ordering.names())
                .process(() -> new ClusteringProcessor(settings.clustering(), stores), Named.as(NAME + "cluster"),
                        stores.names().toArray(String[]::new));

        emissions.filter((id, emission) -> emission instanceof Emission.IncidentRecord, Named.as(NAME + "incidents"))
                .mapValues(emission -> ((Emission.IncidentRecord) emission).incident(), Named.as(NAME + "incident"))
                .to(topics.incidents().name(), topics.incidents().produced().withName(NAME + "incidents-sink"));
        emissions.filter((id, emission) -> emission instanceof Emission.Event, Named.as(NAME + "events"))
                .mapValues(emission -> ((Emission.Event) emission).event(), Named.as(NAME + "event"))
                .to(topics.incidentEvents().name(), topics.incidentEvents().produced().withName(NAME + "events-sink"));

        builder.table(topics.incidents().name(),
                Consumed.with(topics.incidents().keySerde(), topics.incidents().valueSerde())
                        .withName(NAME + "incidents-view-source"),
                Materialized.<String, Incident, KeyValueStore<Bytes, byte[]>>as(INCIDENTS_VIEW)
                        .withKeySerde(topics.incidents().keySerde())
                        .withValueSerde(topics.incidents().valueSerde()));
        return builder.build();
    }
}
