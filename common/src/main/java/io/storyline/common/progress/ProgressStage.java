package io.storyline.common.progress;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Wires a stage of the pipeline between two topics that carry progress marks: data goes through the stage's own
 * steps, marks through a {@link ProgressRelay} that turns the upstream's marks into this stage's, and both meet
 * again before the stage's sink. A task processes one record at a time through the whole of its sub-topology,
 * so what the stage writes keeps the order in which the records came in: a mark written after a record is
 * written after what the stage made of it. The data steps must therefore stay in the task (no repartition).
 */
public final class ProgressStage {

    /** How often a source checks its progress, and how often a stage's mark may go up. */
    public static final Duration MARK_INTERVAL = Duration.ofMillis(100);
    /** Every task repeats its mark this often even when unchanged, for a downstream task that lost its state. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private ProgressStage() {
    }

    /**
     * @param name   names the stage's store ({@code name}) and processors ({@code name-…}); must never change
     * @param input  the stage's input, marks and data
     * @param counts how many partitions the stage's input topic has (its marks say how many tasks it has)
     * @param steps  what the stage does with its data, within the task
     */
    public static <I, O> KStream<String, InBand<O>> around(StreamsBuilder builder, String name,
                                                            KStream<String, InBand<I>> input, PartitionCounts counts,
                                                            Function<KStream<String, I>, KStream<String, O>> steps) {
        builder.addStateStore(ProgressBoard.store(name));
        Map<String, KStream<String, InBand<I>>> split = input.split(Named.as(name + "-"))
                .branch((key, item) -> InBand.isMark(item), Branched.as("marks"))
                .defaultBranch(Branched.as("data"));
        KStream<String, InBand<O>> marks = split.get(name + "-marks")
                .process(() -> new ProgressRelay<I, O>(name, counts), Named.as(name + "-relay"), name);
        KStream<String, O> data = steps.apply(split.get(name + "-data")
                .mapValues(InBand::value, Named.as(name + "-unwrap")));
        return data.mapValues(InBand::data, Named.as(name + "-wrap")).merge(marks, Named.as(name + "-merge"));
    }
}
