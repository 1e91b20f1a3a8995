package io.storyline.deploy.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Signature;
import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.bench.ChildPipeline;
import io.storyline.launcher.bench.CommittedReader;
import io.storyline.launcher.bench.ServiceInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Poison at every stage, written straight into each service's input topic as a producer other than Storyline's
 * would: malformed JSON, invalid UTF-8, an oversized record, a record of a future schema version with unknown
 * fields, a record missing required fields. Each must reach news.dlq with the original bytes, the service's name
 * and a reason, and every service must go on: a good record written after the poison still becomes an incident.
 */
class PoisonIT {

    record Poison(String topic, String service, byte[] value, String reason) {
    }

    @Test
    void poisonAtEveryStageIsDeadLetteredWithItsReasonAndEveryServiceCarriesOn() {
        try (ChildPipeline pipeline = Faults.pipeline("poison", KafkaBroker.bootstrapServers())) {
            Topics topics = pipeline.topics();
            Faults.createTopic(pipeline.clientSettings(), topics.enriched().name(), Map.of("max.message.bytes", Integer.toString(4 << 20)));
            List<ServiceInstance> instances = pipeline.startAll(Faults.READY_DEADLINE);
            Map<String, Poison> poisons = poisons(topics);
            Map<String, Map<String, byte[]>> byTopic = new LinkedHashMap<>();
            poisons.forEach((key, p) -> byTopic.computeIfAbsent(p.topic(), t -> new LinkedHashMap<>()).put(key, p.value()));
            byTopic.forEach((topic, records) -> Faults.produce(pipeline.clientSettings(), topic, records));
            Map<String, byte[]> good = new LinkedHashMap<>();
            Faults.produce(pipeline.clientSettings(), topics.raw().name(), Map.of("raw-good", Faults.utf8(rawArticle("good-raw"))));
            Faults.produce(pipeline.clientSettings(), topics.articles().name(), Map.of("good-articles",
                    Topics.ARTICLE_SERDE.toBytes(article("good-articles", "Ferry strike ends in Split"))));
            Faults.produce(pipeline.clientSettings(), topics.enriched().name(), Map.of("good-enriched",
                    Topics.ENRICHED_SERDE.toBytes(enriched("good-enriched", "Tram line reopens in Graz"))));

            Map<String, ConsumerRecord<String, byte[]>> letters = new TreeMap<>();
            try (PipelineAudit audit = new PipelineAudit(pipeline.clientSettings(), topics)) {
                audit.awaitPlaced(Set.of("good-raw", "good-articles", "good-enriched"));
            }
            try (CommittedReader dlq = new CommittedReader(pipeline.clientSettings(), List.of(topics.dlq().name()))) {
                Instant giveUp = Instant.now().plus(PipelineAudit.SAFETY_DEADLINE);
                while (letters.size() < poisons.size() && Instant.now().isBefore(giveUp)) {
                    dlq.poll(Duration.ofMillis(200)).forEach(r -> letters.put(r.key(), r));
                }
            }
            Map<String, String> reasons = new TreeMap<>();
            letters.forEach((key, r) -> {
                Map<String, String> h = DeadLetterHeaders.read(r.headers());
                reasons.put(key, h.get(DeadLetterHeaders.SERVICE) + "/" + h.get(DeadLetterHeaders.REASON) + ": "
                        + h.get(DeadLetterHeaders.MESSAGE));
            });
            System.out.println(reasons);
            Map<String, String> expected = new TreeMap<>();
            poisons.forEach((key, p) -> expected.put(key, p.service() + "/" + p.reason()));
            Map<String, String> got = new TreeMap<>();
            reasons.forEach((key, r) -> got.put(key, r.substring(0, r.indexOf(':'))));
            assertEquals(expected, got, pipeline.logs());
            poisons.forEach((key, p) -> {
                ConsumerRecord<String, byte[]> letter = letters.get(key);
                if (key.equals("enriched-oversized")) {
                    assertEquals(null, letter.value(), "a value larger than aggregate may write is left out");
                    String omitted = DeadLetterHeaders.read(letter.headers()).get(DeadLetterHeaders.VALUE_OMITTED);
                    assertTrue(omitted != null && omitted.startsWith(p.value().length + " bytes"), omitted);
                } else {
                    assertArrayEquals(p.value(), letter.value(), key + ": the dead letter keeps the original bytes");
                }
            });
            for (ServiceInstance instance : instances) {
                assertTrue(instance.isAlive(), instance + " stopped:\n" + instance.output());
                instance.awaitReady(Duration.ofSeconds(30));
            }
        }
    }

    static Map<String, Poison> poisons(Topics topics) {
        Map<String, Poison> out = new LinkedHashMap<>();
        stage(out, "raw", topics.raw().name(), "ingest", Map.of(
                "malformed-json", "malformed-json", "invalid-utf8", "invalid-encoding",
                "oversized", "body-too-large", "future-version", "unsupported-schema-version",
                "missing-fields", "no-text"));
        stage(out, "articles", topics.articles().name(), "enrich", Map.of(
                "malformed-json", "undecodable", "invalid-utf8", "undecodable", "oversized", "record-too-large",
                "future-version", "unsupported-schema-version", "missing-fields", "undecodable"));
        stage(out, "enriched", topics.enriched().name(), "aggregate", Map.of(
                "malformed-json", "undecodable", "invalid-utf8", "undecodable", "oversized", "record-too-large",
                "future-version", "unsupported-schema-version", "missing-fields", "undecodable"));
        return out;
    }

    private static void stage(Map<String, Poison> out, String stage, String topic, String service,
                              Map<String, String> reasons) {
        for (String kind : List.of("malformed-json", "invalid-utf8", "oversized", "future-version", "missing-fields")) {
            out.put(stage + "-" + kind, new Poison(topic, service, poison(stage, kind), reasons.get(kind)));
        }
    }

    /** The poison of {@code kind} in the record format of {@code stage}. */
    static byte[] poison(String stage, String kind) {
        String id = stage + "-" + kind;
        String valid = switch (stage) {
            case "raw" -> rawArticle(id);
            case "articles" -> new String(Topics.ARTICLE_SERDE.toBytes(article(id, "Bridge closed in " + id)),
                    java.nio.charset.StandardCharsets.UTF_8);
            default -> new String(Topics.ENRICHED_SERDE.toBytes(enriched(id, "Bridge closed in " + id)),
                    java.nio.charset.StandardCharsets.UTF_8);
        };
        return switch (kind) {
            case "malformed-json" -> Faults.utf8(valid.substring(0, valid.length() / 2));
            case "invalid-utf8" -> invalidUtf8(valid);
            case "oversized" -> oversized(stage, id);
            case "future-version" -> Faults.utf8(valid.replaceFirst("\\{", "{\"schema_version\":2,"
                    + "\"sentiment\":{\"score\":0.4},\"regions\":[\"north\"],")
                    .replace("\"schema_version\":1,", ""));
            // A raw article with a headline is an article even without its body: take both.
            default -> Faults.utf8(valid.replaceAll("\"(body|" + (stage.equals("raw") ? "title" : "body")
                    + ")\":\"[^\"]*\",?", ""));
        };
    }

    /**
     * Too large for the stage: a raw article whose body is over ingest's 1 MiB limit; an article of 110 KB that
     * names a place in every other word, whose entities make its enriched form larger than a record may be; an
     * enriched article with 80,000 distinct terms, larger than aggregate may pass on (its topic was created to take
     * records of 4 MB, as an operator might).
     */
    private static byte[] oversized(String stage, String id) {
        return switch (stage) {
            case "raw" -> Faults.utf8(rawArticle(id).replace("\"body\":\"", "\"body\":\""
                    + "The council met again. ".repeat(60_000)));
            case "articles" -> Topics.ARTICLE_SERDE.toBytes(withBody(article(id, "Storms across Europe"),
                    "Storms were reported in Lisbon, Porto, Madrid, Paris, Berlin, Vienna, Prague, Warsaw, Athens, "
                            .repeat(1_100)));
            default -> {
                Map<String, Integer> terms = new HashMap<>();
                for (int i = 0; i < 80_000; i++) {
                    terms.put("term" + i, 1);
                }
                EnrichedArticle small = enriched(id, "Storms across Europe");
                yield Topics.ENRICHED_SERDE.toBytes(new EnrichedArticle(small.article(), List.of(), List.of(),
                        small.eventDate(), null, new Signature(small.signature().simhash(), terms)));
            }
        };
    }

    private static Article withBody(Article a, String body) {
        return new Article(a.schemaVersion(), a.id(), a.url(), a.source(), a.title(), body, a.publishedAt(),
                a.publishedAtSource(), a.language(), a.ingestedAt(), a.contentHash());
    }

    /** The record with the bytes of "é" in its body replaced by a lone continuation byte. */
    private static byte[] invalidUtf8(String valid) {
        byte[] bytes = Faults.utf8(valid.replace("\"body\":\"", "\"body\":\"Caf\u00e9 owners protest. "));
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xC3 && (bytes[i + 1] & 0xFF) == 0xA9) {
                bytes[i] = (byte) 0xA9;
                bytes[i + 1] = (byte) 0x28;
                return bytes;
            }
        }
        throw new IllegalStateException("no é to break in " + valid);
    }

    static String rawArticle(String id) {
        return "{\"id\":\"" + id + "\",\"source\":\"poison-test.example.org\",\"title\":\"Harbour crane collapses "
                + "in " + id + "\",\"body\":\"A harbour crane collapsed onto a container ship in Antwerp on Monday, "
                + "injuring two dock workers, the port authority said.\",\"published_at\":\"2025-03-03\","
                + "\"language\":\"en\"}";
    }

    static Article article(String id, String title) {
        return new Article(Article.SCHEMA_VERSION, id, "https://poison-test.example.org/" + id,
                "poison-test.example.org", title, title + ". Officials in the city said repairs would take a week.",
                "2025-03-05", "article", "en", Instant.parse("2025-03-05T10:00:00Z"), "hash-" + id);
    }

    static EnrichedArticle enriched(String id, String title) {
        Map<String, Integer> terms = new HashMap<>();
        for (String word : title.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
            terms.merge(word, 1, Integer::sum);
        }
        return new EnrichedArticle(article(id, title), List.of(), List.of(), "2025-03-05", null,
                new Signature(String.format("%016x", (long) id.hashCode() * 0x9E3779B97F4A7C15L), terms));
    }
}
