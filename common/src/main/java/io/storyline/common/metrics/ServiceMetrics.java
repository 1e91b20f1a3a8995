package io.storyline.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.storyline.common.incident.IncidentEventType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * What a Storyline service counts: the one facade every service, processor and exception handler records
 * through, over the meter registry of the process's runtime. Meter names (Prometheus names in brackets):
 *
 * <ul>
 *   <li>{@code storyline.records.in} [{@code storyline_records_in_total}], tag {@code topic}: records read from
 *       a Storyline topic (for ingest raw records, for enrich and aggregate articles);</li>
 *   <li>{@code storyline.records.out} [{@code storyline_records_out_total}], tag {@code topic}: records written
 *       to a Storyline topic other than the dead-letter topic;</li>
 *   <li>{@code storyline.records.rejected} [{@code storyline_records_rejected_total}], tag {@code reason}: records
 *       or parts of records sent to {@code news.dlq}, by reason code;</li>
 *   <li>{@code storyline.enrichment.errors} [{@code storyline_enrichment_errors_total}], tag {@code step}: articles
 *       enrich passed on without one step's part because that step failed on them (counted from the
 *       {@code enrichment_errors} of what enrich writes);</li>
 *   <li>{@code storyline.duplicates} [{@code storyline_duplicates_total}]: exact re-sends ingest dropped, reprints
 *       aggregate recognised;</li>
 *   <li>{@code storyline.incidents.opened}, {@code storyline.incidents.merged}
 *       [{@code storyline_incidents_opened_total}, {@code storyline_incidents_merged_total}]: counted from the
 *       {@code OPENED} and {@code MERGED} events aggregate writes;</li>
 *   <li>{@code storyline.end.to.end.latency} [{@code storyline_end_to_end_latency_seconds}], tag {@code topic}:
 *       from a record's timestamp to the moment this service wrote what it made of it. Every stage keeps the
 *       timestamp the publisher's producer gave the record on {@code news.raw}, so on {@code news.incidents} this
 *       is publication to incident updated.</li>
 * </ul>
 *
 * <p>The runtime hands its instance to Kafka Streams under {@link #CONFIG}; code running inside Streams finds it
 * with {@link #of(ProcessingContext)} (once, in {@code init}) or {@link #of(Map)} (in a plug-in's
 * {@code configure}). Without a runtime — a {@code TopologyTestDriver}, the offline tools — the facade records
 * nowhere. Methods are called from stream threads: they are thread-safe and cheap.
 */
public final class ServiceMetrics {

    /** The Kafka Streams setting under which the runtime hands out its instance (an object, not text). */
    public static final String CONFIG = "storyline.metrics";

    /** Latency buckets, in seconds: from a fast pipeline to one that fell behind by a quarter of an hour. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};

    private static final ServiceMetrics NONE = new ServiceMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;
    /** Meters by name and tag value, registered on first use: a service shows only what it counts. */
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> latencies = new ConcurrentHashMap<>();

    private ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records into {@code registry}. */
    public static ServiceMetrics recordingInto(MeterRegistry registry) {
        return new ServiceMetrics(registry);
    }

    /** Records nowhere. */
    public static ServiceMetrics none() {
        return NONE;
    }

    /** The runtime's instance, found in a processor's context; call it once, in {@code init}. */
    public static ServiceMetrics of(ProcessingContext context) {
        return of(context.appConfigs());
    }

    /** The runtime's instance, found in the configuration Kafka Streams gives its plug-ins. */
    public static ServiceMetrics of(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof ServiceMetrics metrics ? metrics : NONE;
    }

    public void recordIn(String topic) {
        count("storyline.records.in", "Records read from a Storyline topic", "topic", topic);
    }

    /**
     * One record written to {@code topic}.
     *
     * @param timestampMs the record's timestamp; the time since then is its end-to-end latency
     */
    public void recordOut(String topic, long timestampMs) {
        count("storyline.records.out", "Records written to a Storyline topic", "topic", topic);
        if (timestampMs > 0) {
            latencies.computeIfAbsent(topic, t -> Timer.builder("storyline.end.to.end.latency").tag("topic", t)
                    .description("From a record's timestamp (its publication on news.raw) to this service's output")
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(registry))
                    .record(Math.max(0, System.currentTimeMillis() - timestampMs), TimeUnit.MILLISECONDS);
        }
    }

    /** A record or a part of one went to the dead-letter topic. */
    public void rejected(String reasonCode) {
        count("storyline.records.rejected", "Records or parts of records sent to the dead-letter topic", "reason",
                reasonCode == null ? "unknown" : reasonCode);
    }

    /** An article went on without the part of enrichment step {@code step}, which failed on it. */
    public void enrichmentFailed(String step) {
        count("storyline.enrichment.errors", "Articles passed on without a part because an enrichment step failed",
                "step", step == null ? "unknown" : step);
    }

    public void duplicate() {
        count("storyline.duplicates", "Exact re-sends dropped (ingest) and reprints recognised (aggregate)", null,
                null);
    }

    /**
     * An event written to {@code news.incident-events}: {@code OPENED} and {@code MERGED} count incidents,
     * {@code DUPLICATE_SEEN} a reprint.
     */
    public void incidentEvent(String type) {
        switch (type) {
            case IncidentEventType.OPENED -> count("storyline.incidents.opened", "Incidents opened", null, null);
            case IncidentEventType.MERGED -> count("storyline.incidents.merged", "Incidents merged into another",
                    null, null);
            case IncidentEventType.DUPLICATE_SEEN -> duplicate();
            default -> {
                // ARTICLE_ADDED, CORROBORATED, ... are counted as records out, by topic.
            }
        }
    }

    private void count(String name, String description, String tag, String value) {
        counters.computeIfAbsent(tag == null ? name : name + '\u0000' + value, key -> {
            Counter.Builder builder = Counter.builder(name).description(description);
            return (tag == null ? builder : builder.tag(tag, value)).register(registry);
        }).increment();
    }
}
