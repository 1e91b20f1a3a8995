package io.storyline.launcher.evaluation;

import io.storyline.aggregate.clustering.ArticleFeatures;
import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.deadletter.RejectedRecordException;
import io.storyline.enrich.ArticleEnricher;
import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.Ingestor;
import io.storyline.ingest.ItemOutcome;
import io.storyline.ingest.RawRecord;
import io.storyline.ingest.publish.FeedInput;
import io.storyline.ingest.publish.InputFiles;
import io.storyline.ingest.publish.InputReader;
import io.storyline.ingest.publish.OutgoingRecord;
import io.storyline.ingest.publish.Rejection;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline's own code without Kafka: the publisher's reading of the inputs, ingest ({@link Ingestor} and the
 * re-send rule of its filter), enrich ({@link ArticleEnricher}, one per worker thread) and the aggregate's
 * ordering rule, so an evaluation sees the articles the clustering task would see, in the order it would see them.
 * Enrichment runs in parallel; its result does not depend on the thread, so neither does the outcome.
 */
public final class OfflinePipeline {

    /** An article as the clustering task receives it, with the record time the publisher would have given it. */
    public record Ordered(EnrichedArticle enriched, long timestamp) {

        public ArticleFeatures features() {
            return ArticleFeatures.of(enriched, timestamp);
        }
    }

    /** What the inputs became: the articles in clustering order, and what ingest or the reader rejected. */
    public record Result(List<Ordered> articles, List<Rejection> rejected) {
    }

    private OfflinePipeline() {
    }

    /**
     * @param startMillis the record time of the first input record; each further record is one millisecond later,
     *                    as the publisher stamps them (strictly increasing, in input order)
     * @param threads     enrichment workers
     */
    public static Result run(List<String> paths, IngestSettings settings, InputStream stdin, long startMillis,
                             int threads) {
        List<Ordered> ingested = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        InputFiles.Expansion expansion = InputFiles.expand(paths);
        rejected.addAll(expansion.rejected());
        Ingestor ingestor = new Ingestor(settings, Clock.systemUTC());
        Map<String, Set<String>> seenHashes = new HashMap<>();
        long timestamp = startMillis;
        for (FeedInput input : expansion.inputs()) {
            for (OutgoingRecord record : InputReader.recordsOrRejection(input, stdin, rejected)) {
                long recordTime = timestamp++;
                try {
                    int item = 0;
                    for (ItemOutcome outcome : ingestor.ingest(new RawRecord(
                            record.key().getBytes(StandardCharsets.UTF_8), record.value(), record.contentType(),
                            recordTime))) {
                        item++;
                        if (outcome instanceof ItemOutcome.Accepted accepted) {
                            Article article = accepted.article();
                            // Ingest drops an exact re-send and lets a correction (same id, new content) through.
                            if (seenHashes.computeIfAbsent(article.id(), id -> new HashSet<>())
                                    .add(article.contentHash())) {
                                ingested.add(new Ordered(new EnrichedArticle(article, List.of(), List.of(), null,
                                        null, null), recordTime));
                            }
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
        List<Ordered> enriched = enrich(ingested, threads);
        return new Result(inClusteringOrder(enriched), List.copyOf(rejected));
    }

    /**
     * The order the aggregate's ordering stage releases articles in: record time, then publication time, then
     * article id (several articles of one feed record share its record time).
     */
    static List<Ordered> inClusteringOrder(List<Ordered> articles) {
        List<Ordered> out = new ArrayList<>(articles);
        out.sort(Comparator.comparingLong(Ordered::timestamp)
                .thenComparingLong(OfflinePipeline::publishedMinute)
                .thenComparing(ordered -> ordered.enriched().article().id()));
        return out;
    }

    private static long publishedMinute(Ordered ordered) {
        return Math.max(0, Math.round(ordered.features().day() * 24 * 60));
    }

    private static List<Ordered> enrich(List<Ordered> articles, int threads) {
        // The models load once per process and are shared: load them here, before the workers race to (and their
        // logging initialisation with them).
        new ArticleEnricher();
        ThreadLocal<ArticleEnricher> enrichers = ThreadLocal.withInitial(ArticleEnricher::new);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "offline-enrich");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Ordered>> pending = new ArrayList<>();
            for (Ordered article : articles) {
                pending.add(workers.submit(() -> new Ordered(
                        enrichers.get().enrich(article.enriched().article()), article.timestamp())));
            }
            List<Ordered> out = new ArrayList<>(pending.size());
            for (Future<Ordered> future : pending) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while enriching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("enrichment failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }
}
