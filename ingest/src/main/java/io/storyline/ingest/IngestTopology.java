package io.storyline.ingest;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetters;
import io.storyline.common.progress.InBand;
import io.storyline.common.progress.InBandSerde;
import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.progress.ProgressPartitioner;
import io.storyline.common.progress.ProgressStage;
import io.storyline.common.progress.SourceProgress;
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
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * news.raw → parse and normalise → (articles keyed by id) → drop re-sends → news.articles; rejected items →
 * news.dlq. Records rejected as a whole are thrown to the runtime's dead-letter handler. Articles are
 * repartitioned by id before the re-send filter, so two versions of one article published under different keys
 * still meet the same state.
 *
 * <p>Progress marks start here (see {@code aggregate/README.md}, "The same incidents on every run"): the parse
 * step gives each article its raw partition's effective time and writes marks for that partition to every
 * partition of the by-id topic; the re-send step turns the marks of all raw partitions into its own, written to
 * every partition of news.articles.
 */
public final class IngestTopology {

    public static final String SERVICE = "ingest";
    /** Names the internal repartition topic; must never change. */
    public static final String BY_ID = "ingest-articles-by-id";
    /** The store of each raw partition's effective time; names its changelog, so it must never change. */
    static final String RAW_PROGRESS = "ingest-raw-progress";
    /** The re-send step's progress store and processors. */
    static final String PROGRESS = "ingest-progress";

    private static final InBandSerde<Article> ARTICLES = InBandSerde.of(Topics.ARTICLE_SERDE);

    private IngestTopology() {
    }

    /** A topology whose topics have one partition each, as in a {@code TopologyTestDriver}. */
    public static Topology build(Topics topics, IngestSettings settings) {
        return build(topics, settings, IngestMetrics.NONE, Clock.systemUTC(), PartitionCounts.fixed(1));
    }

    public static Topology build(Topics topics, IngestSettings settings, IngestMetrics metrics, Clock clock,
                                 PartitionCounts partitionCounts) {
        Ingestor ingestor = new Ingestor(settings, clock);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(ResendFilter.store(settings.dedupRetention()));
        builder.addStateStore(SourceProgress.store(RAW_PROGRESS));

        Map<String, KStream<byte[], InBand<ItemOutcome>>> outcomes = builder
                .stream(topics.raw().name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("ingest-raw"))
                .process(() -> new IngestProcessor(ingestor, metrics, topics.raw().name(), partitionCounts),
                        Named.as("ingest-parse"), RAW_PROGRESS)
                .split(Named.as("ingest-"))
                .branch((key, item) -> InBand.isMark(item), Branched.as("marks"))
                .branch((key, item) -> InBand.value(item) instanceof ItemOutcome.Accepted, Branched.as("accepted"))
                .defaultBranch(Branched.as("rejected"));

        KStream<String, InBand<Article>> articles = outcomes.get("ingest-accepted")
                .map((key, item) -> {
                    Article article = ((ItemOutcome.Accepted) InBand.value(item)).article();
                    return KeyValue.pair(article.id(), InBand.data(article));
                }, Named.as("ingest-key-by-id"));
        KStream<String, InBand<Article>> marks = outcomes.get("ingest-marks")
                .map((key, item) -> KeyValue.pair(ProgressMark.KEY,
                        ((InBand.Mark<ItemOutcome>) item).<Article>retyped()), Named.as("ingest-raw-marks"));

        KStream<String, InBand<Article>> byId = articles.merge(marks, Named.as("ingest-in-order"))
                .repartition(Repartitioned.with(Serdes.String(), ARTICLES).withName(BY_ID)
                        .withStreamPartitioner(new ProgressPartitioner<>()));
        ProgressStage.around(builder, PROGRESS, byId, partitionCounts,
                        (KStream<String, Article> data) -> data.process(
                                () -> new ResendFilter(metrics, settings.dedupRetention()), Named.as("ingest-resends"),
                                ResendFilter.STORE))
                .to(topics.articles().name(), Produced.with(Serdes.String(), ARTICLES)
                        .withStreamPartitioner(new ProgressPartitioner<>()).withName("ingest-articles"));

        DeadLetters.sendTo(outcomes.get("ingest-rejected")
                        .mapValues(item -> ((ItemOutcome.Rejected) InBand.value(item)).toDeadLetter(),
                                Named.as("ingest-item-dead-letters")),
                topics.dlq().name(), SERVICE);
        return builder.build();
    }
}
