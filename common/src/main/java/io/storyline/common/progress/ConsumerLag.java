package io.storyline.common.progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * How far each stream thread's consumer is behind the end of each partition it reads: the consumer's own {@code
 * records-lag} metric (group {@code consumer-fetch-manager-metrics}), which the fetcher records after every fetch
 * response it hands out, the empty ones included, as the last stable offset (for {@code read_committed}) less the
 * consumer's position. The position moves past transaction markers and aborted records, so a lag of zero means
 * nothing readable is left on the broker even where the last record read is followed by a marker.
 *
 * <p>Kafka Streams does not show a processor its consumer's metrics ({@code context.metrics()} holds the Streams
 * registry only), so the runtime installs {@link Reporter} as a metrics reporter of the main consumers ({@link
 * #install}); it hands the lag metrics to the instance the runtime put in the configuration, where a processor finds
 * them by its thread's consumer ({@code <thread name>-consumer}) with {@link #of(ProcessingContext)}.
 */
public final class ConsumerLag {

    /** The Kafka Streams setting under which the runtime hands out its instance (an object, not text). */
    public static final String CONFIG = "storyline.consumer.lag";
    static final String METRIC = "records-lag";
    static final String GROUP = "consumer-fetch-manager-metrics";
    private static final ConsumerLag NONE = new ConsumerLag();

    private record Key(String clientId, String topic, int partition) {
    }

    private final ConcurrentMap<Key, KafkaMetric> lags = new ConcurrentHashMap<>();

    public ConsumerLag() {
    }

    /** The runtime's instance, or one that knows nothing (a topology test without a runtime). */
    public static ConsumerLag of(ProcessingContext context) {
        return of(context.appConfigs());
    }

    static ConsumerLag of(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof ConsumerLag lag ? lag : NONE;
    }

    /**
     * Puts a fresh instance in {@code props} and adds its reporter to the main consumers' metrics reporters, after
     * whatever reporters the settings already give them (JMX by default).
     */
    public static void install(Properties props) {
        props.put(CONFIG, new ConsumerLag());
        String reporters = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
        Object configured = props.get(StreamsConfig.mainConsumerPrefix(reporters));
        if (configured == null) {
            configured = props.get(StreamsConfig.consumerPrefix(reporters));
        }
        if (configured == null) {
            configured = props.get(reporters);
        }
        List<String> classes = new ArrayList<>(configured == null ? List.of(JmxReporter.class.getName())
                : names(configured));
        if (!classes.contains(Reporter.class.getName())) {
            classes.add(Reporter.class.getName());
        }
        props.put(StreamsConfig.mainConsumerPrefix(reporters), String.join(",", classes));
    }

    private static List<String> names(Object configured) {
        Collection<?> items = configured instanceof Collection<?> list ? list
                : Arrays.asList(configured.toString().split(","));
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            String name = item instanceof Class<?> type ? type.getName() : item.toString().trim();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** The lag the consumer {@code clientId} last recorded for a partition; empty before its first fetch there. */
    public OptionalLong lag(String clientId, String topic, int partition) {
        KafkaMetric metric = lags.get(new Key(clientId, topic, partition));
        if (metric == null || !(metric.metricValue() instanceof Number value) || Double.isNaN(value.doubleValue())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) value.doubleValue());
    }

    /** The lag of the partition a task of this stream thread reads, as its consumer last recorded it. */
    public OptionalLong ofThisThread(String topic, int partition) {
        return lag(Thread.currentThread().getName() + "-consumer", topic, partition);
    }

    void added(KafkaMetric metric) {
        Key key = keyOf(metric);
        if (key != null) {
            lags.put(key, metric);
        }
    }

    void removed(KafkaMetric metric) {
        Key key = keyOf(metric);
        if (key != null) {
            lags.remove(key, metric);
        }
    }

    /** The per-partition lag metric (not the deprecated twin whose topic tag has dots turned into underscores). */
    private static Key keyOf(KafkaMetric metric) {
        var name = metric.metricName();
        if (!METRIC.equals(name.name()) || !GROUP.equals(name.group())) {
            return null;
        }
        Map<String, String> tags = name.tags();
        String client = tags.get("client-id");
        String topic = tags.get("topic");
        String partition = tags.get("partition");
        if (client == null || topic == null || partition == null) {
            return null;
        }
        return new Key(client, topic, Integer.parseInt(partition));
    }

    /** The metrics reporter {@link #install} gives the main consumers; configured with the consumer's settings. */
    public static final class Reporter implements MetricsReporter {

        private ConsumerLag lag = NONE;

        @Override
        public void configure(Map<String, ?> configs) {
            lag = of(configs);
        }

        @Override
        public void init(List<KafkaMetric> metrics) {
            metrics.forEach(this::metricChange);
        }

        @Override
        public void metricChange(KafkaMetric metric) {
            if (lag != NONE) {
                lag.added(metric);
            }
        }

        @Override
        public void metricRemoval(KafkaMetric metric) {
            lag.removed(metric);
        }

        @Override
        public void close() {
        }
    }
}
