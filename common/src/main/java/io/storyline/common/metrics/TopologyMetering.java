package io.storyline.common.metrics;

import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.EnrichmentError;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.ProgressMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Counts what a service reads and writes without a line in the service: beside every source node that reads one
 * of the given topics, and beside every sink node that writes one, it adds a small processor that records into
 * {@link ServiceMetrics} ({@code storyline.records.in}, {@code storyline.records.out}, the end-to-end latency,
 * the incident events written, and the enrichment steps that failed on the articles written).
 * The added processors forward nothing, keep no state and create no topic, so the service's tasks, stores and
 * internal topics stay exactly as they were. Progress marks are not records of data: they are not counted.
 *
 * <p>A sink is counted through its parent, which hands every record to all of its children; a parent that
 * forwards to its sink by name alone (no DSL operator does) would not be counted.
 */
public final class TopologyMetering {

    /** Prefix of the processors this class adds. */
    public static final String PREFIX = "storyline-metrics-";

    private TopologyMetering() {
    }

    /** Adds the counting processors to {@code topology} (built, not yet running) and returns it. */
    public static Topology instrument(Topology topology, Set<String> topics) {
        List<Runnable> additions = new ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null
                        && source.topicSet().stream().anyMatch(topics::contains)) {
                    additions.add(() -> topology.addProcessor(PREFIX + "in-" + source.name(),
                            () -> new CountIn(topics), source.name()));
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null
                        && topics.contains(sink.topic()) && !sink.predecessors().isEmpty()) {
                    String[] parents = sink.predecessors().stream().map(TopologyDescription.Node::name)
                            .toArray(String[]::new);
                    additions.add(() -> topology.addProcessor(PREFIX + "out-" + sink.name(),
                            () -> new CountOut(sink.topic()), parents));
                }
            }
        }
        // Added after the walk: the description is a snapshot, but the builder should not change under it.
        additions.forEach(Runnable::run);
        return topology;
    }

    private static final class CountIn implements Processor<Object, Object, Void, Void> {
        private final Set<String> topics;
        private ProcessorContext<Void, Void> context;
        private ServiceMetrics metrics;

        CountIn(Set<String> topics) {
            this.topics = topics;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.metrics = ServiceMetrics.of(context);
        }

        @Override
        public void process(Record<Object, Object> record) {
            if (ProgressMark.isMark(record.headers())) {
                return;
            }
            context.recordMetadata().map(RecordMetadata::topic).filter(topics::contains)
                    .ifPresent(metrics::recordIn);
        }
    }

    private static final class CountOut implements Processor<Object, Object, Void, Void> {
        private final String topic;
        private ServiceMetrics metrics;

        CountOut(String topic) {
            this.topic = topic;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.metrics = ServiceMetrics.of(context);
        }

        @Override
        public void process(Record<Object, Object> record) {
            if (ProgressMark.isMark(record.headers())) {
                return;
            }
            metrics.recordOut(topic, record.timestamp());
            // On a topic that carries progress marks the value travels wrapped (see InBand).
            Object value = record.value() instanceof InBand.Data<?> data ? data.value() : record.value();
            if (value instanceof InBand.Mark<?>) {
                return;
            }
            if (value instanceof IncidentEvent event) {
                metrics.incidentEvent(event.type());
            } else if (value instanceof EnrichedArticle enriched && enriched.enrichmentErrors() != null) {
                for (EnrichmentError error : enriched.enrichmentErrors()) {
                    metrics.enrichmentFailed(error.step());
                }
            }
        }
    }
}
