package io.storyline.launcher.local;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.publish.ExpectedArticles;
import io.storyline.ingest.publish.PublishSummary;
import io.storyline.ingest.publish.Rejection;
import io.storyline.ingest.publish.Publisher;
import io.storyline.launcher.UserError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs inputs through a local pipeline to the end: publishes them into news.raw, waits until every article
 * they hold is a member of a live incident or was dead-lettered, and every item ingest rejects has reached
 * news.dlq, then returns the incidents. The whole input is on the broker before the services start, so ingest is
 * "caught up" only at the end of the input, and the articles are clustered in the order of the files (the
 * publisher's record times), whatever the number of instances and however busy the machine. What to wait for is
 * worked out by ingest's own code over the same files ({@link ExpectedArticles}); completion is read from the
 * output topics, never guessed from a timer. A watchdog only stops a run in which nothing has moved for
 * {@code storyline.run.stall.timeout} (default PT5M).
 */
public final class LocalRun {

    public static final String STALL_TIMEOUT = "storyline.run.stall.timeout";
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

    /** What a run produced. */
    public record Result(List<Incident> incidents, Set<String> articleIds,
                         List<OutputWatcher.DeadLetterNote> deadLetters, PublishSummary published, Duration elapsed) {
    }

    private LocalRun() {
    }

    /**
     * @param config    settings with {@code bootstrap.servers}
     * @param inputs    files, directories, globs or {@code -}
     * @param instances instances of each service
     * @param onEvent   called for every incident event as it is committed
     * @param progress  where the publisher draws its progress bar, or null
     */
    public static Result execute(StorylineConfig config, List<String> inputs, int instances, InputStream stdin,
                                 Consumer<IncidentEvent> onEvent, PrintStream progress) {
        return execute(config, inputs, instances, stdin, onEvent, progress, result -> { });
    }

    /**
     * Like {@link #execute(StorylineConfig, List, int, InputStream, Consumer, PrintStream)}, and hands the result to
     * {@code whileRunning} before the pipeline stops: {@code demo --board} keeps it running there until Ctrl-C.
     */
    public static Result execute(StorylineConfig config, List<String> inputs, int instances, InputStream stdin,
                                 Consumer<IncidentEvent> onEvent, PrintStream progress,
                                 Consumer<Result> whileRunning) {
        Instant started = Instant.now();
        Duration stallTimeout = config.duration(STALL_TIMEOUT, Duration.ofMinutes(5));
        // Standard input is read twice, for the expectation and for publishing, so it is read into memory once.
        byte[] input = readStdinIfNamed(inputs, stdin);
        ExpectedArticles.Expectation expectation = ExpectedArticles.of(inputs, IngestSettings.from(config),
                new ByteArrayInputStream(input));
        if (expectation.articleIds().isEmpty()) {
            throw new UserError("no article in " + String.join(" ", inputs) + ": " + expectation.rejected());
        }
        Set<String> expected = expectation.articleIds();
        createTopics(config);
        PublishSummary published = Publisher.publish(inputs, config.topics().raw().name(),
                config.kafkaSettings(), new ByteArrayInputStream(input), progress);
        List<Rejection> lost = published.rejected().stream()
                .filter(rejection -> Publisher.NOT_PUBLISHED.equals(rejection.reasonCode())).toList();
        if (!lost.isEmpty()) {
            // The run would wait for articles that never reached news.raw: say so now, not after a stall.
            throw new IllegalStateException(lost.size() + " input record(s) did not reach the broker, e.g. "
                    + lost.get(0).input() + ": " + lost.get(0).reason());
        }
        try (LocalPipeline pipeline = LocalPipeline.start(config, instances)) {
            Result result = null;
            try (OutputWatcher watcher = new OutputWatcher(config)) {
                long ingestRejections = expectation.rejected().size() - published.rejected().size();
                long lastSeen = -1;
                Instant lastProgress = Instant.now();
                Instant nextCheck = Instant.now();
                while (true) {
                    watcher.poll(Duration.ofMillis(200), onEvent);
                    Optional<ServiceRuntime> failed = pipeline.failed();
                    if (failed.isPresent()) {
                        throw new IllegalStateException("the " + failed.get().service().name()
                                + " service failed; see the log above");
                    }
                    if (Instant.now().isAfter(nextCheck)) {
                        nextCheck = Instant.now().plus(CHECK_INTERVAL);
                        if (missing(expected, watcher).isEmpty()
                                && watcher.deadLettersFrom("ingest") >= ingestRejections) {
                            watcher.drain(onEvent);
                            result = new Result(sorted(watcher.liveIncidents()), expected, watcher.deadLetters(),
                                    published, Duration.between(started, Instant.now()));
                            break;
                        }
                    }
                    if (watcher.recordsSeen() != lastSeen) {
                        lastSeen = watcher.recordsSeen();
                        lastProgress = Instant.now();
                    } else if (Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
                        throw new IllegalStateException("no progress for " + stallTimeout
                                + "; still waiting for articles " + first(missing(expected, watcher)));
                    }
                }
            }
            // The watcher has left its consumer group: a pipeline kept running does not leave it timing out.
            whileRunning.accept(result);
            return result;
        }
    }

    /** The services would create them at start; the input goes in first, so they are created before. */
    private static void createTopics(StorylineConfig config) {
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            TopicsSetup.ensure(admin, config.topics().all(), config);
        }
    }

    private static byte[] readStdinIfNamed(List<String> inputs, InputStream stdin) {
        if (!inputs.contains("-")) {
            return new byte[0];
        }
        try {
            return stdin.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private static Set<String> missing(Set<String> expected, OutputWatcher watcher) {
        Set<String> placed = watcher.placedArticleIds();
        Set<String> missing = new TreeSet<>();
        for (String id : expected) {
            if (!placed.contains(id) && !watcher.wasDeadLettered(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static String first(Set<String> ids) {
        return ids.stream().limit(5).toList() + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
    }

    private static List<Incident> sorted(List<Incident> incidents) {
        return incidents.stream()
                .sorted(Comparator.comparing(Incident::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Incident::incidentId))
                .toList();
    }
}
