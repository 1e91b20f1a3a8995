package io.storyline.ingest.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a publish run did, printable as one line.
 *
 * @param inputs    inputs read (files, stdin)
 * @param published records acknowledged by the cluster
 * @param rejected  inputs or records that were not published, with why
 */
public record PublishSummary(int inputs, long published, List<Rejection> rejected) {

    public PublishSummary {
        rejected = List.copyOf(rejected);
    }

    /** True when everything given was published; the caller exits non-zero otherwise. */
    public boolean ok() {
        return rejected.isEmpty() && (published > 0 || inputs > 0);
    }

    @Override
    public String toString() {
        String line = "published " + published + " record" + (published == 1 ? "" : "s") + " from " + inputs
                + " input" + (inputs == 1 ? "" : "s");
        if (rejected.isEmpty()) {
            return line;
        }
        return line + "; rejected " + rejected.size() + ": " + rejected.stream().limit(10).map(Rejection::toString)
                .collect(Collectors.joining("; ")) + (rejected.size() > 10 ? "; …" : "");
    }
}
