package io.storyline.launcher.dlq;

import io.storyline.common.deadletter.DeadLetterHeaders;
import io.storyline.common.runtime.KafkaUnavailableException;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.KafkaOptions;
import io.storyline.launcher.UserError;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code storyline dlq replay --reason R}: re-publishes the dead letters of one reason to the topic each came from
 * (its {@code __streams.errors.topic} header), with its original key, bytes and headers (less the dead-letter ones,
 * plus {@value DeadLetterHeaders#REPLAYED_FROM} naming the letter), so that once the cause is fixed they go through
 * the pipeline again. Replaying is idempotent: ingest drops an article it has already published (same id, same
 * content), and aggregate changes nothing for an article it already holds, so replaying twice, or replaying a
 * letter whose original got through meanwhile, adds no article twice. The letters stay on the dead-letter topic.
 *
 * <p>Letters written without their value (too large for the service's producer, {@value
 * DeadLetterHeaders#VALUE_OMITTED}) and letters from a service's internal topics cannot be replayed from here;
 * each is named with where its original is.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-publish the dead letters of one reason to the topics they came from, with their "
                + "original key, bytes and headers. Idempotent: replaying twice adds no article twice.")
final class DlqReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LetterFilter filter;

    @Option(names = "--dry-run", description = "say what would be re-published, and publish nothing")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (filter.reason == null) {
            throw new UserError("dlq replay needs --reason CODE: replay one kind of failure, once its cause is "
                    + "fixed (`./storyline dlq` lists the reasons)");
        }
        StorylineConfig config = kafka.resolveWithCluster(Map.of());
        Topics topics = config.topics();
        String dlq = topics.dlq().name();
        List<DeadLetter> letters = DeadLetterReader.read(config.kafkaSettings(), dlq, filter.since(Instant.now()),
                filter.matches());
        Set<String> inputs = Set.of(topics.raw().name(), topics.articles().name(), topics.enriched().name());
        List<DeadLetter> replayable = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (DeadLetter letter : letters) {
            String why = whyNot(letter, inputs);
            if (why == null) {
                replayable.add(letter);
            } else {
                refused.add(letter.at() + " (" + letter.service() + ", key " + letter.keyText() + "): " + why);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (letters.isEmpty()) {
            out.println("no dead letters on " + dlq + filter.describe() + ": nothing to replay");
        } else if (dryRun) {
            out.println("would re-publish " + replayable.size() + " of " + letters.size() + " dead letters"
                    + filter.describe() + ": " + byTopic(replayable) + " (dry run: nothing published)");
            replayable.forEach(letter -> out.println("  " + letter.at() + " -> " + letter.sourceTopic() + ", key "
                    + letter.keyText()));
        } else {
            publish(config, replayable);
            out.println("re-published " + replayable.size() + " of " + letters.size() + " dead letters"
                    + filter.describe() + ": " + byTopic(replayable));
        }
        if (!refused.isEmpty()) {
            out.println(refused.size() + " cannot be replayed from " + dlq + ":");
            refused.forEach(line -> out.println("  " + line));
        }
        out.flush();
        return refused.isEmpty() ? 0 : 1;
    }

    private static String whyNot(DeadLetter letter, Set<String> inputs) {
        if (letter.valueOmitted() != null) {
            return "its value was not kept in the dead letter (" + letter.valueOmitted() + "); the original is at "
                    + letter.sourcePosition() + " while that topic retains it";
        }
        if (letter.value() == null) {
            return "the dead letter has no value";
        }
        if (letter.sourceTopic() == null) {
            return "the dead letter does not say which topic it came from";
        }
        if (!inputs.contains(letter.sourceTopic())) {
            return "it came from " + letter.sourcePosition() + ", an internal topic of the " + letter.service()
                    + " service, not one of Storyline's input topics; reprocess that service's input instead";
        }
        return null;
    }

    private static String byTopic(List<DeadLetter> letters) {
        Map<String, Integer> counts = new TreeMap<>();
        letters.forEach(letter -> counts.merge(letter.sourceTopic(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((topic, count) -> parts.add(count + " to " + topic));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void publish(StorylineConfig config, List<DeadLetter> letters) {
        Map<String, Object> props = new HashMap<>(config.kafkaSettings());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.LARGE_RECORD_BYTES);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "storyline-dlq-replay");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
            for (DeadLetter letter : letters) {
                Headers headers = DeadLetterHeaders.withoutDeadLetterHeaders(letter.headers());
                headers.add(DeadLetterHeaders.REPLAYED_FROM, letter.at().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(new ProducerRecord<>(letter.sourceTopic(), null, letter.key(), letter.value(),
                        headers)));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("re-publishing failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while re-publishing", e);
        }
    }
}
