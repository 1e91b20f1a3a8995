package io.storyline.enrich.eval.timex;

import io.storyline.enrich.dates.DateExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@link DateExtractor#tag} on one thread over the TEXT of every TimeML document under a directory:
 * warm-up passes first, then timed passes; prints documents/s and whitespace tokens/s. A benchmark, not a test: it
 * prints figures and asserts nothing. Usage: {@code TimexBenchmark DIR [passes]}.
 */
public final class TimexBenchmark {

    private static final int WARM_UP_PASSES = 5;

    private TimexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval/timebank");
        if (!Files.isDirectory(dir)) {
            System.err.println("timex benchmark: " + dir + " is not a directory of TimeML files");
            System.exit(2);
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<TimemlDocument> docs = TimexEvaluation.readAll(dir);
        long tokens = 0;
        for (TimemlDocument doc : docs) {
            tokens += doc.text().trim().split("\\s+").length;
        }
        DateExtractor extractor = new DateExtractor();
        long sink = 0;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            sink += run(extractor, docs);
        }
        long start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            sink += run(extractor, docs);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d documents, %d whitespace tokens, %d timed passes on one thread%n",
                docs.size(), tokens, passes);
        System.out.printf(Locale.ROOT, "%.0f documents/s, %.0f tokens/s (%d mentions per pass)%n",
                docs.size() * passes / seconds, tokens * passes / seconds, sink / (WARM_UP_PASSES + passes));
    }

    private static long run(DateExtractor extractor, List<TimemlDocument> docs) {
        long mentions = 0;
        for (TimemlDocument doc : docs) {
            mentions += extractor.tag(doc.text(), doc.creationDate()).size();
        }
        return mentions;
    }
}
