package io.storyline.common.runtime;

import io.storyline.common.progress.PartitionCounts;
import io.storyline.common.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Partition counts as the cluster describes them, with the service's own client settings (security included).
 * Each topic is described once per service start: partitions are only ever added, and a stage whose input grew
 * learns the larger count from the new partition's marks.
 */
public final class ClusterPartitionCounts implements PartitionCounts {

    private final Map<String, Object> adminSettings;
    private final ConcurrentMap<String, Integer> known = new ConcurrentHashMap<>();

    private ClusterPartitionCounts(Map<String, Object> adminSettings) {
        this.adminSettings = adminSettings;
    }

    public static ClusterPartitionCounts of(StreamsService service, StorylineConfig config, Topics topics) {
        return new ClusterPartitionCounts(AdminSettings.of(StreamsSettings.of(service, config, topics)));
    }

    @Override
    public int of(String topic) {
        return known.computeIfAbsent(topic, this::describe);
    }

    private int describe(String topic) {
        try (Admin admin = Admin.create(adminSettings)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("cannot describe topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("cannot describe topic " + topic + ": no answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while describing topic " + topic, e);
        }
    }
}
