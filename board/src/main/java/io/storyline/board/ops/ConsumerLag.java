package io.storyline.board.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.json.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each service is behind, from the broker: the committed offsets of its consumer group (a Kafka Streams
 * service's group is its application id) against the last committed record of every partition it reads. It
 * needs no address of any service instance, so it works however many instances run, wherever.
 */
public final class ConsumerLag {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    /** Service name to its consumer group. */
    private final Map<String, String> groups;

    public ConsumerLag(Admin admin, Map<String, String> groups) {
        this.admin = admin;
        this.groups = new LinkedHashMap<>(groups);
    }

    /** {@code [{service, group, lag, partitions, instances, state}]}; {@code lag} absent where it is not known. */
    public ArrayNode measure() {
        ArrayNode out = Json.mapper().createArrayNode();
        groups.forEach((service, group) -> {
            ObjectNode row = out.addObject();
            row.put("service", service);
            row.put("group", group);
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                ConsumerGroupDescription description = admin.describeConsumerGroups(java.util.List.of(group))
                        .describedGroups().get(group).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                row.put("instances", description.members().size());
                row.put("state", description.groupState().toString());
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.forEach((partition, offset) -> {
                    if (offset != null) {
                        latest.put(partition, OffsetSpec.latest());
                    }
                });
                row.put("partitions", latest.size());
                if (latest.isEmpty()) {
                    return;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long lag = 0;
                for (var entry : ends.entrySet()) {
                    lag += Math.max(0, entry.getValue().offset() - committed.get(entry.getKey()).offset());
                }
                row.put("lag", lag);
            } catch (ExecutionException | TimeoutException e) {
                row.put("error", e instanceof TimeoutException ? "the broker did not answer in time"
                        : String.valueOf(e.getCause().getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return out;
    }
}
