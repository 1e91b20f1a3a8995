package io.storyline.board.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The operators' strip: is the pipeline flowing (articles reaching incidents and incidents opened per minute),
 * what is being rejected (dead letters by reason), and is any service falling behind (consumer lag). Lag is
 * measured on the broker every {@code refresh}; the counts follow the topics as the board reads them.
 */
public final class OpsStrip {

    private final Throughput throughput;
    private final DeadLetterCounts deadLetters;
    private final ConsumerLag lag;
    private final Clock clock;
    private final Consumer<ObjectNode> boardFacts;
    private volatile ArrayNode lastLag;
    private volatile String lagMeasuredAt;

    /**
     * @param lag        null where lag is not measured
     * @param boardFacts adds the board's own figures (incidents held, viewers) to a snapshot
     */
    public OpsStrip(Throughput throughput, DeadLetterCounts deadLetters, ConsumerLag lag, Clock clock,
                    Consumer<ObjectNode> boardFacts) {
        this.throughput = throughput;
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.clock = clock;
        this.boardFacts = boardFacts;
    }

    /** Measures the services' lag on the broker; called on a timer, off the feed's thread. */
    public void refresh() {
        if (lag != null) {
            lastLag = lag.measure();
            lagMeasuredAt = clock.instant().toString();
        }
    }

    public ObjectNode snapshot() {
        ObjectNode out = throughput.snapshot();
        out.set("dead_letters", deadLetters.snapshot());
        if (lastLag != null) {
            out.set("lag", lastLag);
            out.put("lag_measured_at", lagMeasuredAt);
        }
        boardFacts.accept(out.putObject("board"));
        out.put("at", clock.instant().toString());
        return out;
    }
}
