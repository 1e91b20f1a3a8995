package io.storyline.ingest;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetters;
import io.storyline.common.topic.Topics;
import io.storyline.ingest.dedup.ResendFilter;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * news.raw → parse and normalise → (articles keyed by id) → drop re-sends → news.articles; rejected items →
 * news.dlq. Records rejected as a whole are thrown to the runtime's dead-letter handler. Articles are
 * repartitioned by id before the re-send filter, so two versions of one article published under different keys
 * still meet the same state.
 */
public final class IngestTopology {

    public static final String SERVICE = "ingest";
    /** Names the internal repartition topic; must never change. */
    public static final String BY_ID = "ingest-articles-by-id";

    private IngestTopology() {
    }

    public static Topology build(Topics topics, IngestSettings settings) {
        return build(topics, settings, IngestMetrics.NONE, Clock.systemUTC());
    }

    public static Topology build(Topics topics, IngestSettings settings, IngestMetrics metrics, Clock clock) {
        Ingestor ingestor = new Ingestor(settings, clock);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(ResendFilter.store(settings.dedupRetention()));

        Map<String, KStream<byte[], ItemOutcome>> outcomes = builder
                .stream(topics.raw().name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("ingest-raw"))
                .process(() -> new IngestProcessor(ingestor, metrics), Named.as("ingest-parse"))
                .split(Named.as("ingest-"))
                .branch((key, outcome) -> outcome instanceof ItemOutcome.Accepted, Branched.as("accepted"))
                .defaultBranch(Branched.as("rejected"));

        outcomes.get("ingest-accepted")
                .map((key, outcome) -> {
                    Article article = ((ItemOutcome.Accepted) outcome).article();
                    return KeyValue.pair(article.id(), article);
                }, Named.as("ingest-key-by-id"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.ARTICLE_SERDE).withName(BY_ID))
                .process(() -> new ResendFilter(metrics, settings.dedupRetention()), Named.as("ingest-resends"),
                        ResendFilter.STORE)
                .to(topics.articles().name(), topics.articles().produced().withName("ingest-articles"));

        DeadLetters.sendTo(outcomes.get("ingest-rejected")
                        .mapValues(outcome -> ((ItemOutcome.Rejected) outcome).toDeadLetter(),
                                Named.as("ingest-item-dead-letters")),
                topics.dlq().name(), SERVICE);
        return builder.build();
    }
}
