package io.storyline.ingest;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
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

    /**
     * Settings ingest needs beyond the runtime's defaults; the launcher puts them in the defaults layer. Its
     * producer must carry a record as large as {@code storyline.ingest.max.record.bytes} to the dead-letter topic.
     */
    public static Map<String, String> configDefaults() {
        return Map.of(StreamsConfig.producerPrefix("max.request.size"),
                Long.toString(IngestSettings.DEFAULT_MAX_RECORD_BYTES + 64 * 1024));
    }

    @Override
    public String name() {
        return IngestTopology.SERVICE;
    }

    @Override
    public Topology topology(StorylineConfig config, Topics topics) {
        return IngestTopology.build(topics, IngestSettings.from(config), metrics, Clock.systemUTC());
    }

    /**
     * news.raw and news.dlq are created (when ingest creates them) to hold records of
     * {@code storyline.ingest.max.record.bytes}, so an oversized article reaches the dead-letter topic whole.
     */
    @Override
    public List<Topic<?, ?>> topics(Topics topics) {
        return List.of(roomy(topics.raw()), topics.articles(), roomy(topics.dlq()));
    }

    private static <K, V> Topic<K, V> roomy(Topic<K, V> topic) {
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.putIfAbsent(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Long.toString(IngestSettings.DEFAULT_MAX_RECORD_BYTES + 64 * 1024));
        return new Topic<>(topic.key(), topic.name(), topic.keySerde(), topic.valueSerde(), Map.copyOf(configs));
    }
}
