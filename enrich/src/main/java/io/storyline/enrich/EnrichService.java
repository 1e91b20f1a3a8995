package io.storyline.enrich;

import io.storyline.common.runtime.ClusterPartitionCounts;
import io.storyline.common.runtime.ServiceMain;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import io.storyline.enrich.language.EnrichLanguages;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.Topology;

/** The enrich service: entities, dates, event date and signatures for every article. */
public final class EnrichService implements StreamsService {

    private final Function<StorylineConfig, ? extends Enricher> enricherFactory;

    /** @param enricherFactory builds one enricher for one stream thread from the service's settings */
    public EnrichService(Function<StorylineConfig, ? extends Enricher> enricherFactory) {
        this.enricherFactory = enricherFactory;
    }

    /** Runs enrich against a cluster until stopped; {@code --help} lists the options. */
    public static void main(String[] args) {
        System.exit(ServiceMain.run(new EnrichService(settings -> new ArticleEnricher(EnrichLanguages.from(settings))),
                args, System.getenv(), System.err));
    }

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public Topology topology(StorylineConfig config, Topics topics) {
        // A language listed without its models is a configuration error at start, not at its first article.
        EnrichLanguages.from(config);
        return EnrichTopology.build(topics, () -> enricherFactory.apply(config),
                ClusterPartitionCounts.of(this, config, topics));
    }

    @Override
    public List<Topic<?, ?>> topics(Topics topics) {
        return List.of(topics.articles(), topics.enriched(), topics.dlq());
    }
}
