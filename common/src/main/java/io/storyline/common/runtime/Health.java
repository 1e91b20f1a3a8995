package io.storyline.common.runtime;

import io.storyline.common.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness of a service, as a container platform probes them.
 *
 * <p><b>Live</b>: the client is CREATED (starting), REBALANCING or RUNNING. Anything else (shutting down, failed)
 * is not worth waiting for: restarting the process is the remedy.
 *
 * <p><b>Ready</b>: every topic the service works on exists, and the client has caught up or is processing —
 * concretely: it has been RUNNING at least once since it started (its first assignment is done), it is RUNNING or
 * REBALANCING now (a cooperative rebalance does not stop processing, and an instance that turned unready at every
 * rebalance would block rolling upgrades and disruption budgets), and none of its active tasks is restoring a
 * store from its changelog. Topic presence is asked of the cluster at most every ten seconds while it holds.
 */
final class Health implements AutoCloseable {

    private static final Duration TOPIC_CHECK_INTERVAL = Duration.ofSeconds(10);
    private static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(5);

    /** One probe's answer; {@code restoringPartitions} and {@code detail} only where they say something. */
    record Status(boolean up, String state, Integer restoringPartitions, String detail) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("state", state);
            if (restoringPartitions != null) {
                body.put("restoring_partitions", restoringPartitions);
            }
            if (detail != null) {
                body.put("detail", detail);
            }
            return body;
        }
    }

    private final KafkaStreams streams;
    private final ClientProgress progress;
    private final Map<String, Object> adminSettings;
    private final List<String> topicNames;
    private final List<ServiceWorker> workers;
    private volatile String workerFailure;
    private Admin admin;
    private Set<String> missingTopics;
    private Instant checkedAt = Instant.EPOCH;

    Health(KafkaStreams streams, ClientProgress progress, Map<String, Object> adminSettings, List<Topic<?, ?>> topics,
           List<ServiceWorker> workers) {
        this.streams = streams;
        this.progress = progress;
        this.adminSettings = adminSettings;
        this.topicNames = topics.stream().map(Topic::name).distinct().toList();
        this.workers = workers;
    }

    /** A worker stopped for good: the process is not live any more. */
    void workerFailed(String worker, Throwable failure) {
        workerFailure = worker + " failed: " + failure.getMessage();
    }

    Status live() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING
                || state == KafkaStreams.State.RUNNING;
        if (up && workerFailure != null) {
            return new Status(false, state.name(), null, workerFailure + "; restart the process");
        }
        return new Status(up, state.name(), null, up ? null : "the client is " + state + "; restart the process");
    }

    Status ready() {
        KafkaStreams.State state = streams.state();
        int restoring = progress.restoringPartitions();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return new Status(false, state.name(), restoring, "the client is not running");
        }
        if (!progress.hasRun()) {
            return new Status(false, state.name(), restoring, "waiting for the first assignment");
        }
        if (restoring > 0) {
            return new Status(false, state.name(), restoring, "restoring state from changelogs");
        }
        for (ServiceWorker worker : workers) {
            String waiting = worker.notReady();
            if (waiting != null) {
                return new Status(false, state.name(), restoring, worker.name() + ": " + waiting);
            }
        }
        String topicProblem = topicProblem();
        return new Status(topicProblem == null, state.name(), restoring, topicProblem);
    }

    /** Null when every topic exists; what is wrong otherwise. */
    private synchronized String topicProblem() {
        if (missingTopics != null && missingTopics.isEmpty()
                && Instant.now().isBefore(checkedAt.plus(TOPIC_CHECK_INTERVAL))) {
            return null;
        }
        try {
            if (admin == null) {
                admin = Admin.create(adminSettings);
            }
            Set<String> existing = admin.listTopics().names()
                    .get(TOPIC_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> missing = new TreeSet<>(topicNames);
            missing.removeAll(existing);
            missingTopics = missing;
            checkedAt = Instant.now();
            return missing.isEmpty() ? null : "missing topics " + missing;
        } catch (ExecutionException e) {
            return "cannot list topics: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "cannot list topics: no answer within " + TOPIC_CHECK_TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while listing topics";
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
