package io.storyline.common.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The meter registry of one service process, in Prometheus' format: Storyline's own meters ({@link
 * ServiceMetrics}), Kafka Streams' metrics through Micrometer's binder, and the JVM's. Every meter carries the tag
 * {@code service}. One per runtime, so several services in one JVM (the local pipeline, tests) keep apart.
 */
public final class ServiceMeters implements AutoCloseable {

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4";

    /** How often the Streams binder looks for metrics that tasks and threads added or removed. */
    private static final Duration STREAMS_METRICS_REFRESH = Duration.ofSeconds(15);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ServiceMetrics metrics;
    private final List<AutoCloseable> bound = new ArrayList<>();
    private ScheduledExecutorService refresher;

    public ServiceMeters(String service) {
        registry.config().commonTags("service", service);
        this.metrics = ServiceMetrics.recordingInto(registry);
    }

    /** What the service records into. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Adds Kafka Streams' metrics of {@code streams} and the JVM's; once, before the client starts. */
    public void bindClient(KafkaStreams streams) {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "storyline-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), refresher,
                STREAMS_METRICS_REFRESH);
        streamsMetrics.bindTo(registry);
        bound.add(streamsMetrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        bound.add(gc);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry itself, for meters of a service's own (a worker's delivery counts, say). */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** A gauge read from {@code source} at every scrape. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** Every meter, in Prometheus' text exposition format ({@value #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : bound) {
            try {
                binder.close();
            } catch (Exception e) {
                // Closing meters only unregisters them; the registry goes with the runtime anyway.
            }
        }
        if (refresher != null) {
            refresher.shutdownNow();
        }
        registry.close();
    }
}
