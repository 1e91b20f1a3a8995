package io.storyline.aggregate;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.aggregate.clustering.ClusteringProcessor;
import io.storyline.aggregate.clustering.ClusteringStores;
import io.storyline.aggregate.clustering.Emission;
import io.storyline.aggregate.clustering.FeatureExtraction;
import io.storyline.common.json.JsonSerde;
import io.storyline.common.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The aggregate service's topology: enriched articles are reduced to their features, funnelled into one
 * clustering task (so every article is compared with every active incident, whatever the number of instances),
 * and what the engine decides goes to the incidents and events topics.
 */
public final class AggregateTopology {

    /** Prefix of every store, repartition topic and processor name of this service. */
    public static final String NAME = "aggregate-";
    public static final String CLUSTERING_INPUT = NAME + "clustering-input";

    private AggregateTopology() {
    }

    public static Topology build(AggregateSettings settings, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        ClusteringStores stores = new ClusteringStores(NAME);
        stores.builders().forEach(builder::addStateStore);

        KStream<String, Emission> emissions = builder
                .stream(topics.enriched().name(), topics.enriched().consumed())
                .processValues(FeatureExtraction::new, Named.as(NAME + "features"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ArticleFeatures.class))
                        .withName(CLUSTERING_INPUT).withNumberOfPartitions(1))
                .process(() -> new ClusteringProcessor(settings.clustering(), stores), Named.as(NAME + "cluster"),
                        stores.names().toArray(String[]::new));

        emissions.filter((id, emission) -> emission instanceof Emission.IncidentRecord, Named.as(NAME + "incidents"))
                .mapValues(emission -> ((Emission.IncidentRecord) emission).incident(), Named.as(NAME + "incident"))
                .to(topics.incidents().name(), topics.incidents().produced().withName(NAME + "incidents-sink"));
        emissions.filter((id, emission) -> emission instanceof Emission.Event, Named.as(NAME + "events"))
                .mapValues(emission -> ((Emission.Event) emission).event(), Named.as(NAME + "event"))
                .to(topics.incidentEvents().name(), topics.incidentEvents().produced().withName(NAME + "events-sink"));
        return builder.build();
    }
}
