package io.storyline.aggregate;

import io.storyline.common.runtime.ClusterPartitionCounts;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import com.sun.net.httpserver.HttpHandler;
import io.storyline.aggregate.query.IncidentQueries;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The aggregate service: reads {@code news.enriched}, recognises reprints, clusters articles into incidents and
 * publishes them on {@code news.incidents} and their changes on {@code news.incident-events}. Settings: {@link
 * AggregateSettings}.
 */
public final class AggregateService implements StreamsService {

    @Override
    public String name() {
        return "aggregate";
    }

    @Override
    public Topology topology(StorylineConfig config, Topics topics) {
        return AggregateTopology.build(AggregateSettings.from(config), topics,
                ClusterPartitionCounts.of(this, config, topics));
    }

    /**
     * One standby copy of every task: the single clustering task's state then stands ready on a second instance,
     * so losing its instance costs a rebalance, not a restore from the changelog.
     */
    @Override
    public Map<String, String> streamsDefaults() {
        return Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
    }

    /** {@code /incidents}: queries on the incidents, from this service's state (see {@link IncidentQueries}). */
    @Override
    public Map<String, HttpHandler> httpRoutes(KafkaStreams streams, StorylineConfig config, Topics topics) {
        return Map.of("/incidents",
                new IncidentQueries(streams, AggregateTopology.INCIDENTS_VIEW, topics.incidents().name()));
    }

    @Override
    public List<Topic<?, ?>> topics(Topics topics) {
        return List.of(topics.enriched(), topics.incidents(), topics.incidentEvents(), topics.dlq());
    }
}
