package io.storyline.aggregate.clustering;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Runs the engine on its task's stores and forwards what it emits, keyed by incident id. */
public final class ClusteringProcessor implements Processor<String, ArticleFeatures, String, Emission> {

    private final ClusteringParameters parameters;
    private final ClusteringStores stores;
    private ProcessorContext<String, Emission> context;
    private ClusteringEngine engine;

    public ClusteringProcessor(ClusteringParameters parameters, ClusteringStores stores) {
        this.parameters = parameters;
        this.stores = stores;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        this.engine = new ClusteringEngine(parameters, stores.open(context));
    }

    @Override
    public void process(Record<String, ArticleFeatures> record) {
        for (Emission emission : engine.accept(record.value())) {
            context.forward(new Record<>(emission.incidentId(), emission, record.timestamp()));
        }
    }
}
