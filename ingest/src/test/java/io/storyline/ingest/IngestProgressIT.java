package io.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.json.JsonSerde;
import io.storyline.common.progress.ProgressMark;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.topic.Topics;
import io.storyline.ingest.publish.Publisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress from the source, on a real broker: the publisher stamps increasing record times, ingest tells from its
 * consumer's lag that a raw partition has nothing left, and says so in band, after the articles.
 */
class IngestProgressIT {

    private static final int PARTITIONS = 2;
    private static final JsonSerde<ProgressMark> MARKS = JsonSerde.of(ProgressMark.class);

    @TempDir
    Path dir;

    @Test
    void ingestSaysEveryPartitionIsCaughtUpAfterItsLastArticleAndTakesItBackWhenMoreArrives() throws IOException {
        TestTopics test = TestTopics.unique("ingest-progress");
        Topics topics = test.topics();
        var config = test.config(Map.of(TopicsSetup.PARTITIONS, Integer.toString(PARTITIONS)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            TopicsSetup.ensure(admin, topics.all(), config);
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("{\"id\":\"a").append(i).append("\",\"body\":\"Report number ").append(i)
                    .append(" from the harbour.\"}\n");
        }
        Files.writeString(dir.resolve("batch.jsonl"), lines);
        assertTrue(Publisher.publish(List.of(dir.resolve("batch.jsonl").toString()), topics.raw().name(),
                Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()), null, null).ok());

        List<ConsumerRecord<String, byte[]>> raw = readAll(topics.raw().name(), records -> records.size() >= 40);
        raw.sort(Comparator.comparingInt(r -> Integer.parseInt(r.key().substring(r.key().lastIndexOf(':') + 1))));
        for (int i = 1; i < raw.size(); i++) {
            assertTrue(raw.get(i).timestamp() > raw.get(i - 1).timestamp(), "record times increase in file order");
        }

        try (ServiceRuntime runtime = ServiceRuntime.start(new IngestService(), config)) {
            List<ConsumerRecord<String, byte[]>> articles = readAll(topics.articles().name(),
                    records -> everyPartitionCaughtUp(records));
            for (int partition = 0; partition < PARTITIONS; partition++) {
                List<ConsumerRecord<String, byte[]>> in = ofPartition(articles, partition);
                int firstCaughtUp = IntStream.range(0, in.size()).filter(i -> caughtUp(in.get(i))).findFirst()
                        .orElseThrow();
                assertTrue(in.subList(firstCaughtUp, in.size()).stream().allMatch(r -> isMark(r)),
                        "every article of partition " + partition + " comes before it is caught up");
                in.stream().filter(IngestProgressIT::isMark).map(IngestProgressIT::mark).forEach(mark -> {
                    assertEquals(PARTITIONS, mark.sources(), "ingest's re-send step has a task per partition");
                });
            }
            assertEquals(40, articles.stream().filter(r -> !isMark(r)).count(), "every article, once");
            assertEquals(raw.stream().map(ConsumerRecord::timestamp).collect(Collectors.toSet()),
                    articles.stream().filter(r -> !isMark(r)).map(ConsumerRecord::timestamp)
                            .collect(Collectors.toSet()),
                    "record times increase within each raw partition: the effective time is the record time");

            Files.writeString(dir.resolve("later.json"), "{\"id\":\"later\",\"body\":\"One more report.\"}");
            Publisher.publish(List.of(dir.resolve("later.json").toString()), topics.raw().name(),
                    Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()), null, null);
            List<ConsumerRecord<String, byte[]>> after = readAll(topics.articles().name(),
                    records -> records.stream().anyMatch(r -> "later".equals(r.key())));
            ConsumerRecord<String, byte[]> later = after.stream().filter(r -> "later".equals(r.key())).findFirst()
                    .orElseThrow();
            List<ConsumerRecord<String, byte[]>> itsPartition = ofPartition(after, later.partition());
            int at = itsPartition.indexOf(later);
            ConsumerRecord<String, byte[]> before = itsPartition.subList(0, at).stream()
                    .filter(IngestProgressIT::isMark).reduce((first, second) -> second).orElseThrow();
            assertTrue(!mark(before).caughtUp(), "a partition that delivers again takes its caught-up claim back "
                    + "before the article");
            assertEquals(KafkaStreams.State.RUNNING, runtime.streams().state());
        }
    }

    private static boolean everyPartitionCaughtUp(List<ConsumerRecord<String, byte[]>> records) {
        return IntStream.range(0, PARTITIONS).allMatch(p -> records.stream()
                .anyMatch(r -> r.partition() == p && caughtUp(r)));
    }

    private static List<ConsumerRecord<String, byte[]>> ofPartition(List<ConsumerRecord<String, byte[]>> records,
                                                                    int partition) {
        return records.stream().filter(r -> r.partition() == partition)
                .sorted(Comparator.comparingLong(ConsumerRecord::offset)).toList();
    }

    private static boolean isMark(ConsumerRecord<String, byte[]> record) {
        return ProgressMark.isMark(record.headers());
    }

    private static ProgressMark mark(ConsumerRecord<String, byte[]> record) {
        return MARKS.fromBytes(record.value());
    }

    private static boolean caughtUp(ConsumerRecord<String, byte[]> record) {
        return isMark(record) && mark(record).caughtUp();
    }

    /** Every committed record of {@code topic}, marks included, from the beginning, once {@code done} holds. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic,
                                                               Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "progress-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!done.test(seen)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("gave up waiting on " + topic + "; read " + seen.size() + " records");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return seen;
        }
    }
}
