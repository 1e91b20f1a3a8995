package io.storyline.launcher;

import io.storyline.aggregate.AggregateService;
import io.storyline.common.runtime.StreamsService;
import io.storyline.enrich.ArticleEnricher;
import io.storyline.enrich.EnrichService;
import io.storyline.enrich.language.EnrichLanguages;
import io.storyline.ingest.IngestService;
import java.util.function.Supplier;

/** The three services, the only place that knows how each is constructed. */
public final class Services {

    public enum Kind {
        INGEST("ingest", "Normalise raw feed records from news.raw into news.articles.", IngestService::new),
        ENRICH("enrich", "Add entities, dates and signatures: news.articles into news.enriched.",
                () -> new EnrichService(settings -> new ArticleEnricher(EnrichLanguages.from(settings)))),
        AGGREGATE("aggregate", "Cluster news.enriched into incidents on news.incidents and news.incident-events.",
                AggregateService::new);

        private final String command;
        private final String description;
        private final Supplier<StreamsService> factory;

        Kind(String command, String description, Supplier<StreamsService> factory) {
            this.command = command;
            this.description = description;
            this.factory = factory;
        }

        public String command() {
            return command;
        }

        public String description() {
            return description;
        }

        public StreamsService create() {
            return factory.get();
        }
    }

    private Services() {
    }
}
