package io.storyline.common.testing;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Topic names and settings private to one test, so tests sharing the JVM's broker never see each other's
 * records: every topic and application id carries a unique prefix.
 */
public final class TestTopics {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String prefix;
    private final Topics topics;

    private TestTopics(String prefix) {
        this.prefix = prefix;
        this.topics = Topics.defaults().renamed(key -> prefix + Topics.defaults().all().stream()
                .filter(t -> t.key().equals(key)).findFirst().orElseThrow().name());
    }

    /** A fresh set, named after the test for readable broker logs. */
    public static TestTopics unique(String testName) {
        return new TestTopics(testName.replaceAll("[^A-Za-z0-9]", "") + "-" + SEQUENCE.incrementAndGet() + "-"
                + Long.toString(System.nanoTime() % 100_000, 36) + ".");
    }

    public Topics topics() {
        return topics;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * Settings for a service under test on the shared broker: its topics, its own application ids and state
     * directory, and a short commit interval so results appear promptly.
     */
    public StorylineConfig config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", KafkaBroker.bootstrapServers());
        for (var topic : topics.all()) {
            values.put(StorylineConfig.PREFIX + "topic." + topic.key(), topic.name());
        }
        for (String service : new String[] {"ingest", "enrich", "aggregate", "alert"}) {
            values.put(StorylineConfig.PREFIX + service + ".application.id", prefix + service);
        }
        values.put("storyline.topics.partitions", "2");
        values.put("commit.interval.ms", "100");
        values.putAll(extra);
        return StorylineConfig.of(values);
    }
}
