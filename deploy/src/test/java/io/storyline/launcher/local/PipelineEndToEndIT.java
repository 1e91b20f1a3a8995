package io.storyline.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.alert.Alert;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.testing.RecordContracts;
import io.storyline.common.testing.TestTopics;
import io.storyline.common.testing.TopicReader;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services together on a real broker, with the alert service beside them: two outlets' articles on one
 * landslide and one article on an unrelated rate decision become two incidents with the right members; the rule
 * for confirmed landslides raises one alert, which a webhook receiver gets, signed; and every record on every
 * topic keeps its published schema.
 */
class PipelineEndToEndIT {

    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineEndToEndIT.class.getResource("/e2e/" + name).toURI());
    }

    @Test
    void twoOutletsOnOneEventMakeOneIncidentAndAnUnrelatedArticleItsOwn() throws Exception {
        TestTopics test = TestTopics.unique("e2e");
        List<IncidentEvent> events = Collections.synchronizedList(new ArrayList<>());
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        byte[] secret = "a-shared-secret-for-the-e2e-test".getBytes(StandardCharsets.UTF_8);
        StorylineConfig config = test.config(Map.of(LocalRun.STALL_TIMEOUT, "PT90S"));

        LocalRun.Result result;
        List<Alert> alerts;
        try (WebhookReceiver receiver = WebhookReceiver.start(0, secret, received::add)) {
            Files.write(dir.resolve("desk.secret"), secret);
            Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                    webhooks:
                      desk: {url: '%s', secret_file: desk.secret}
                    rules:
                      - id: confirmed-landslides
                        when: {all: [{event: CORROBORATED}, {title_has: [landslide, landslides]}]}
                        notify: desk
                    """.formatted(receiver.url()));
            try (AlertsOfRun alerting = AlertsOfRun.start(config.with(StreamsConfig.STATE_DIR_CONFIG,
                    dir.resolve("state").toString()), rules)) {
                result = LocalRun.execute(config,
                        List.of(resource("landslide-alpine-post.txt").toString(),
                                resource("landslide-lakeside-news.json").toString(),
                                resource("central-bank-rates.json").toString()),
                        1, InputStream.nullInputStream(), events::add, null);
                alerts = alerting.alerts();
                assertTrue(receiver.awaitReceived(1, TopicReader.SAFETY_DEADLINE), "the alert reached the desk");
            }
        }
        assertEquals(List.of("confirmed-landslides"), alerts.stream().map(Alert::ruleId).toList());
        assertEquals(2, alerts.get(0).incident().get("source_count").asInt());
        assertTrue(received.get(0).contains("signature verified") && received.get(0).contains("confirmed-landslides"),
                received::toString);
        Map<String, Integer> checked = RecordContracts.checkAll(test.topics());
        System.out.println("record contract, end to end: " + checked);
        assertEquals(test.topics().all().size(), checked.size(), checked::toString);
        assertTrue(checked.entrySet().stream().filter(e -> !e.getKey().equals(test.topics().dlq().name()))
                .allMatch(e -> e.getValue() > 0), "records of every topic were checked (none was dead-lettered): "
                + checked);

        assertEquals(3, result.articleIds().size(), "every input became an article");
        assertEquals(List.of(), result.deadLetters());
        List<Incident> incidents = result.incidents();
        assertEquals(2, incidents.size(), () -> "incidents: " + incidents);

        Incident landslide = incidents.stream().filter(i -> i.articleIds().size() == 2).findFirst().orElseThrow();
        assertTrue(landslide.articleIds().contains("lakeside-20250603-a9"), landslide.articleIds().toString());
        assertEquals(2, landslide.sourceCount());
        assertEquals(Set.of("alpine-post.example.ch", "lakeside-news.example.com"), Set.copyOf(landslide.sources()));
        assertEquals("2025-06-02", landslide.eventDate());

        Incident rates = incidents.stream().filter(i -> i.articleIds().size() == 1).findFirst().orElseThrow();
        assertEquals(List.of("finance-daily-20250605-rates"), rates.articleIds());

        Set<String> types = events.stream().map(IncidentEvent::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of(IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED)), types::toString);
    }
}
