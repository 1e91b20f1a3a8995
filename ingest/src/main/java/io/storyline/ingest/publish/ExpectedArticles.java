package io.storyline.ingest.publish;

import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.Ingestor;
import io.storyline.ingest.ItemOutcome;
import io.storyline.ingest.RawRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What ingest will make of a set of inputs, worked out offline by the service's own code (the publisher's reading,
 * then {@link Ingestor}): the article ids that will reach {@code news.articles} and everything that will be
 * rejected, by the publisher or by ingest. {@code ./storyline run --embedded} waits for exactly these ids.
 */
public final class ExpectedArticles {

    private ExpectedArticles() {
    }

    /**
     * @param articleIds every distinct article id ingest will publish (re-sends and corrections share an id)
     * @param rejected   inputs the publisher cannot send and records or items ingest will dead-letter
     */
    public record Expectation(Set<String> articleIds, List<Rejection> rejected) {
    }

    public static Expectation of(List<String> paths, IngestSettings settings, InputStream stdin) {
        InputFiles.Expansion expansion = InputFiles.expand(paths);
        Ingestor ingestor = new Ingestor(settings, Clock.systemUTC());
        Set<String> ids = new LinkedHashSet<>();
        List<Rejection> rejected = new ArrayList<>(expansion.rejected());
        long now = System.currentTimeMillis();
        for (FeedInput input : expansion.inputs()) {
            List<OutgoingRecord> records = InputReader.recordsOrRejection(input, stdin, rejected);
            for (OutgoingRecord record : records) {
                try {
                    int item = 0;
                    for (ItemOutcome outcome : ingestor.ingest(new RawRecord(
                            record.key().getBytes(StandardCharsets.UTF_8), record.value(), record.contentType(), now))) {
                        item++;
                        if (outcome instanceof ItemOutcome.Accepted accepted) {
                            ids.add(accepted.article().id());
                        } else if (outcome instanceof ItemOutcome.Rejected broken) {
                            rejected.add(new Rejection(record.key() + "#" + item, broken.reasonCode(),
                                    broken.reason()));
                        }
                    }
                } catch (RejectedRecordException e) {
                    rejected.add(new Rejection(record.key(), e.reasonCode(), e.getMessage()));
                }
            }
        }
        return new Expectation(Set.copyOf(ids), List.copyOf(rejected));
    }
}
