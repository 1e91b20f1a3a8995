package io.storyline.common.runtime;

import io.storyline.common.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness of a service, as a platform probes them. Live: the client is starting, running or
 * rebalancing (a restart would not help otherwise-healthy work). Ready: the client runs and every topic the
 * service needs exists.
 */
final class Health {

    private static final Duration TOPIC_CHECK_INTERVAL = Duration.ofSeconds(10);

    record Status(boolean up, String state, String detail) {
        String json() {
            return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state + "\""
                    + (detail == null ? "" : ",\"detail\":" + HttpEndpoints.jsonString(detail)) + "}";
        }
    }

    private final KafkaStreams streams;
    private final Properties props;
    private final List<String> topicNames;
    private volatile Set<String> missingTopics;
    private volatile Instant checkedAt = Instant.EPOCH;

    Health(KafkaStreams streams, Properties props, List<Topic<?, ?>> topics) {
        this.streams = streams;
        this.props = props;
        this.topicNames = topics.stream().map(Topic::name).distinct().toList();
    }

    Status live() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING
                || state == KafkaStreams.State.RUNNING;
        return new Status(up, state.name(), null);
    }

    Status ready() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Status(false, state.name(), "client is not running");
        }
        Set<String> missing = missingTopics();
        if (missing == null) {
            return new Status(false, state.name(), "cannot list topics");
        }
        return missing.isEmpty() ? new Status(true, state.name(), null)
                : new Status(false, state.name(), "missing topics " + missing);
    }

    private Set<String> missingTopics() {
        if (missingTopics != null && missingTopics.isEmpty()
                && Instant.now().isBefore(checkedAt.plus(TOPIC_CHECK_INTERVAL))) {
            return missingTopics;
        }
        try (Admin admin = Admin.create(AdminSettings.of(props))) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            Set<String> missing = new TreeSet<>(topicNames);
            missing.removeAll(existing);
            missingTopics = missing;
            checkedAt = Instant.now();
            return missing;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }
}
