package io.storyline.ingest;

import io.storyline.common.runtime.ClusterPartitionCounts;
import io.storyline.common.runtime.ServiceMain;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** The ingest service: {@code news.raw} to {@code news.articles}, rejects to {@code news.dlq}. */
public final class IngestService implements StreamsService {

    private final IngestMetrics metrics;

    public IngestService() {
        this(IngestMetrics.NONE);
    }

    public IngestService(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    /** Its producer must carry a record as large as the raw topic takes to the dead-letter topic. */
    @Override
    public Map<String, String> streamsDefaults() {
        return Map.of(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                Integer.toString(Topics.LARGE_RECORD_BYTES));
    }

    @Override
    public String name() {
        return IngestTopology.SERVICE;
    }

    @Override
    public Topology topology(StorylineConfig config, Topics topics) {
        return IngestTopology.build(topics, IngestSettings.from(config), metrics, Clock.systemUTC(),
                ClusterPartitionCounts.of(this, config, topics));
    }

    @Override
    public List<Topic<?, ?>> topics(Topics topics) {
        return List.of(topics.raw(), topics.articles(), topics.dlq());
    }

    /** Runs ingest against a cluster until stopped; {@code --help} lists the options. */
    public static void main(String[] args) {
        System.exit(ServiceMain.run(new IngestService(), args, System.getenv(), System.err));
    }
}
