package io.storyline.common.runtime;

import io.storyline.common.topic.Topic;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service works on when they are missing, through the Admin client. Existing topics are
 * left as they are: their partition count is an operator's decision (it caps parallelism) and changing it would
 * move keys between partitions.
 *
 * <p>Settings: {@code storyline.topics.partitions} (default 3), {@code storyline.topics.replication.factor}
 * (default: the broker's), {@code storyline.topics.create} (default true; false where a platform owns topics).
 */
public final class TopicsSetup {

    public static final String PARTITIONS = "storyline.topics.partitions";
    public static final String REPLICATION = "storyline.topics.replication.factor";
    public static final String CREATE = "storyline.topics.create";

    private static final Logger LOG = LoggerFactory.getLogger(TopicsSetup.class);

    private TopicsSetup() {
    }

    public static void ensure(Admin admin, Collection<Topic<?, ?>> topics, StorylineConfig config) {
        if (!config.bool(CREATE, true)) {
            return;
        }
        int partitions = config.integer(PARTITIONS, 3);
        int replication = config.integer(REPLICATION, -1);
        if (partitions < 1) {
            throw new ConfigException(PARTITIONS + " must be at least 1, not " + partitions);
        }
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, NewTopic> missing = new LinkedHashMap<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.putIfAbsent(topic.name(), new NewTopic(topic.name(), Optional.of(partitions),
                            replication > 0 ? Optional.of((short) replication) : Optional.empty())
                            .configs(topic.configs()));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing.values()).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOG.info("created topic {} with {} partitions", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("cannot create topics: the cluster did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating topics", e);
        }
    }
}
