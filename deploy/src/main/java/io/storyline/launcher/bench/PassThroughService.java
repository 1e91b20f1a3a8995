package io.storyline.launcher.bench;

import io.storyline.common.runtime.ServiceMain;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's baseline: news.raw copied to news.articles byte for byte by a Kafka Streams topology in the
 * services' own runtime (exactly_once_v2, the same commit interval and handlers). What it reaches is the most the
 * broker and Streams allow for records of this size on this machine; no stage can do more.
 */
public final class PassThroughService implements StreamsService {

    public static final String NAME = "passthrough";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Topology topology(StorylineConfig config, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.raw().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw"))
                .to(topics.articles().name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("copy"));
        return builder.build();
    }

    @Override
    public List<Topic<?, ?>> topics(Topics topics) {
        return List.of(topics.raw(), topics.articles(), topics.dlq());
    }

    /** Runs like a service: {@code [--bootstrap-server HOST:PORT] [--set KEY=VALUE]...}. */
    public static void main(String[] args) {
        System.exit(ServiceMain.run(new PassThroughService(), args, System.getenv(), System.err));
    }
}
