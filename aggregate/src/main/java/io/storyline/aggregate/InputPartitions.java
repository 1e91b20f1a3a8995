package io.storyline.aggregate;

import io.storyline.common.runtime.KafkaUnavailableException;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/** How many partitions the enriched topic has: the ordering stage waits for every one of them. */
final class InputPartitions {

    private InputPartitions() {
    }

    static int of(StreamsService service, StorylineConfig config, Topics topics) {
        StreamsConfig streams = new StreamsConfig(StreamsSettings.of(service, config, topics));
        String topic = topics.enriched().name();
        try (Admin admin = Admin.create(streams.getAdminConfigs(service.name() + "-partitions"))) {
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
