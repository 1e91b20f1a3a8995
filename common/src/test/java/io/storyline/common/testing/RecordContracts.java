package io.storyline.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.json.Json;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The published record contract, enforced in tests: every record value a test sees is checked against its topic's
 * JSON Schema ({@code schemas/*.schema.json} in common's resources, the files consumers in other languages code
 * against), and a dead letter's headers against theirs, so the schemas cannot drift from the code.
 *
 * <p>Topology tests decode their outputs through {@link #checking}; end-to-end tests call {@link #checkAll} at the
 * end, which reads every committed record of every topic. Skipped, and not counted: tombstones, and records
 * carrying the header {@value #PROGRESS_HEADER} (progress marks, which are no article). On {@code news.raw}, only
 * JSON values have a schema. Tests publish broken input on purpose: a record the schema refuses passes only if the
 * service reading it dead-lettered it (at least in part), for a reader may not accept what the contract refuses.
 *
 * <p>Counts of records checked, by topic, are written when the test JVM exits to
 * {@code target/record-contracts/<pid>.tsv} of the module under test.
 */
public final class RecordContracts {

    public static final String PROGRESS_HEADER = "storyline.progress";

    /** Value schema by topic registry key. */
    private static final Map<String, String> VALUE_SCHEMAS = Map.of(
            "raw", "raw-article.schema.json",
            "articles", "article.schema.json",
            "enriched", "enriched-article.schema.json",
            "incidents", "incident.schema.json",
            "incident.events", "incident-event.schema.json",
            "alerts", "alert.schema.json");
    private static final String DEAD_LETTER_HEADERS = "dead-letter-headers.schema.json";
    private static final String DLQ = "dlq";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));
    private static final ConcurrentMap<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ConcurrentSkipListMap<String, LongAdder> CHECKED = new ConcurrentSkipListMap<>();
    private static final AtomicBoolean REPORTING = new AtomicBoolean();

    private RecordContracts() {
    }

    /** The schema of one file under {@code schemas/} on the class path. */
    public static Schema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + f));
            schema.initializeValidators();
            return schema;
        });
    }

    /** The schema file of a topic's values (by registry key), or null: the dead-letter topic's values are opaque. */
    public static String valueSchemaOf(String topicKey) {
        return VALUE_SCHEMAS.get(topicKey);
    }

    /**
     * What is wrong with a record of the topic with registry key {@code topicKey}: empty when it keeps the contract
     * or has none (a tombstone, a progress mark, a raw value that is no JSON).
     */
    public static List<String> violations(String topicKey, Headers headers, byte[] value) {
        if (skipped(headers, value)) {
            return List.of();
        }
        if (topicKey.equals(DLQ)) {
            ObjectNode asJson = Json.mapper().createObjectNode();
            DeadLetterHeaders.read(headers).forEach(asJson::put);
            return describe(schema(DEAD_LETTER_HEADERS).validate(asJson));
        }
        String file = VALUE_SCHEMAS.get(topicKey);
        if (file == null) {
            throw new IllegalArgumentException("no topic with registry key " + topicKey);
        }
        if (topicKey.equals("raw") && !looksLikeJson(value)) {
            return List.of();
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(value);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return describe(schema(file).validate(json));
    }

    /**
     * Checks one record and counts it.
     *
     * @throws AssertionError naming every violation and the record
     */
    public static void check(String topicKey, Headers headers, byte[] value) {
        if (skipped(headers, value) || (topicKey.equals("raw") && !looksLikeJson(value))) {
            return;
        }
        List<String> violations = violations(topicKey, headers, value);
        if (!violations.isEmpty()) {
            throw new AssertionError("a record of topic '" + topicKey + "' breaks its schema: " + violations
                    + "\n  record: " + (value == null ? "(no value)" : new String(value, StandardCharsets.UTF_8)));
        }
        count(topicKey);
    }

    /** {@code deserializer}, checking every value against the contract of {@code topic} before decoding it. */
    public static <T> Deserializer<T> checking(Topic<?, T> topic, Deserializer<T> deserializer) {
        return new Deserializer<>() {
            @Override
            public T deserialize(String name, byte[] data) {
                return deserialize(name, new RecordHeaders(), data);
            }

            @Override
            public T deserialize(String name, Headers headers, byte[] data) {
                check(topic.key(), headers, data);
                return deserializer.deserialize(name, headers, data);
            }
        };
    }

    /**
     * Reads every committed record of every topic of {@code topics} that exists and checks it; returns the
     * records checked by topic name. A record the schema refuses must have a dead letter naming its offset.
     */
    public static Map<String, Integer> checkAll(Topics topics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> existing = existingTopics();
        Map<Topic<?, ?>, List<ConsumerRecord<byte[], byte[]>>> read = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics.all()) {
            if (existing.contains(topic.name())) {
                read.put(topic, TopicReader.committed(topic.name()));
            }
        }
        Set<String> deadLettered = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> letter : read.getOrDefault(topics.dlq(), List.of())) {
            Map<String, String> headers = DeadLetterHeaders.read(letter.headers());
            deadLettered.add(headers.get(DeadLetterHeaders.TOPIC) + "/" + headers.get(DeadLetterHeaders.PARTITION)
                    + "@" + headers.get(DeadLetterHeaders.OFFSET));
        }
        List<String> problems = new ArrayList<>();
        read.forEach((topic, records) -> {
            String key = topic.key();
            int checked = 0;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (skipped(record.headers(), record.value())
                        || (key.equals("raw") && !looksLikeJson(record.value()))) {
                    continue;
                }
                List<String> violations = violations(key, record.headers(), record.value());
                String where = record.topic() + "/" + record.partition() + "@" + record.offset();
                if (violations.isEmpty()) {
                    count(key);
                    checked++;
                } else if (!deadLettered.contains(where)) {
                    problems.add(where + " breaks its schema " + violations + ", and its reader did not reject it");
                }
            }
            counts.put(topic.name(), checked);
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("records break their schemas:\n  " + String.join("\n  ", problems));
        }
        return counts;
    }

    private static Set<String> existingTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the test broker's topics", e);
        }
    }

    private static boolean skipped(Headers headers, byte[] value) {
        return value == null || (headers != null && headers.lastHeader(PROGRESS_HEADER) != null);
    }

    private static boolean looksLikeJson(byte[] value) {
        for (byte b : value) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }

    private static void count(String topicKey) {
        CHECKED.computeIfAbsent(topicKey, k -> new LongAdder()).increment();
        if (REPORTING.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(RecordContracts::report, "record-contracts-report"));
        }
    }

    /** Records checked so far in this JVM, by topic registry key. */
    public static Map<String, Long> checkedSoFar() {
        Map<String, Long> out = new LinkedHashMap<>();
        CHECKED.forEach((key, count) -> out.put(key, count.sum()));
        return out;
    }

    private static void report() {
        Path dir = Path.of(System.getProperty("user.dir"), "target", "record-contracts");
        StringBuilder lines = new StringBuilder();
        checkedSoFar().forEach((key, count) -> lines.append(key).append('\t').append(count).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ProcessHandle.current().pid() + ".tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
