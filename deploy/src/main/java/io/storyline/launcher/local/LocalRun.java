package io.storyline.launcher.local;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.ingest.publish.PublishSummary;
import io.storyline.ingest.publish.Publisher;
import io.storyline.launcher.UserError;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs inputs through a local pipeline to the end: publishes them into news.raw, waits until every article
 * ingest produced is a member of a live incident or was dead-lettered, and returns the incidents. Completion is
 * read from the data (ingest's committed offsets, then article ids), never guessed from a timer; a watchdog
 * only stops a run in which nothing has moved for {@code storyline.run.stall.timeout} (default PT5M).
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
        Instant started = Instant.now();
        Duration stallTimeout = config.duration(STALL_TIMEOUT, Duration.ofMinutes(5));
        try (LocalPipeline pipeline = LocalPipeline.start(config, instances);
             OutputWatcher watcher = new OutputWatcher(config);
             StageProgress stages = new StageProgress(config)) {
            PublishSummary published = Publisher.publish(inputs, config.topics().raw().name(),
                    config.kafkaSettings(), stdin, progress);
            if (published.published() == 0) {
                throw new UserError("nothing to run: " + published);
            }
            Set<String> expected = null;
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
                    if (expected == null && stages.ingestDone()) {
                        expected = stages.articleIds();
                        lastProgress = Instant.now();
                    }
                    if (expected != null && missing(expected, watcher).isEmpty()) {
                        return new Result(sorted(watcher.liveIncidents()), expected, watcher.deadLetters(),
                                published, Duration.between(started, Instant.now()));
                    }
                }
                if (watcher.recordsSeen() != lastSeen) {
                    lastSeen = watcher.recordsSeen();
                    lastProgress = Instant.now();
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
                    throw new IllegalStateException("no progress for " + stallTimeout + "; "
                            + (expected == null ? "ingest has not consumed every input"
                            : "still waiting for articles " + first(missing(expected, watcher))));
                }
            }
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
