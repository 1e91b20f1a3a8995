package io.storyline.common.runtime;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One Storyline service: a Kafka Streams topology and the topics it works on. {@link ServiceRuntime} runs it;
 * the topology itself is built by a plain function that tests call directly.
 */
public interface StreamsService {

    /** Short name: {@code ingest}, {@code enrich}, {@code aggregate}. Also the default application id suffix. */
    String name();

    /** Builds the topology from the resolved settings and topic names. Called once per start. */
    Topology topology(StorylineConfig config, Topics topics);

    /** The topics this service reads or writes: created at start when missing, checked by readiness. */
    List<Topic<?, ?>> topics(Topics topics);

    /**
     * Kafka Streams or client settings this service needs beyond the runtime's defaults (a larger producer
     * request size, say). They sit in the defaults layer: an operator's settings still win.
     */
    default Map<String, String> streamsDefaults() {
        return Map.of();
    }

    /**
     * HTTP routes the service adds to its runtime's server (path prefix to handler), for queries on its state.
     * Called once the client exists; the server runs only where {@code storyline.http.port} is set.
     */
    default Map<String, HttpHandler> httpRoutes(KafkaStreams streams, StorylineConfig config, Topics topics) {
        return Map.of();
    }

    /**
     * Work the service runs beside its Kafka Streams client (see {@link ServiceWorker}); created once the client
     * exists, started after it. {@code meters} is the process's registry, for the workers' own meters.
     */
    default List<ServiceWorker> workers(StorylineConfig config, Topics topics, MeterRegistry meters) {
        return List.of();
    }
}
