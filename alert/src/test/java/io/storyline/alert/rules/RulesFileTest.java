package io.storyline.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.alert.TestRules;
import io.storyline.common.json.Json;
import io.storyline.common.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    static final String SECRET = TestRules.SECRET;

    static final String RULES = """
            webhooks:
              desk:
                url: http://localhost:9/alerts
                secret_file: desk.secret
              chat:
                url: https://hooks.example.org/services/T0/B0/X
                format: slack
            rules:
              - id: ukraine-confirmed
                description: A new incident in Ukraine that two outlets confirm
                when:
                  all:
                    - event: CORROBORATED
                    - country: Ukraine
                notify: [desk, chat]
              - id: atacms
                when:
                  entity: {name: ATACMS, type: weapon}
                notify: desk
              - id: deadly
                when:
                  field: incident.key_facts.killed
                  gte: 3
                notify: [desk]
                fire: every_event
            """;

    @TempDir
    Path dir;

    Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aValidFileBecomesRulesWebhooksAndAVersion() throws Exception {
        write("desk.secret", SECRET + "\n");
        RuleSet rules = RulesFile.read(write("rules.yaml", RULES));
        assertEquals(List.of("ukraine-confirmed", "atacms", "deadly"), rules.rules().stream().map(Rule::id).toList());
        assertEquals(List.of("desk", "chat"), rules.rules().get(0).webhooks());
        assertEquals(Rule.Firing.ONCE_PER_INCIDENT, rules.rules().get(0).firing());
        assertEquals(Rule.Firing.EVERY_EVENT, rules.rules().get(2).firing());
        assertEquals(Webhook.Format.SLACK, rules.webhooks().get("chat").format());
        assertEquals(SECRET, new String(rules.webhooks().get("desk").signingKey(), StandardCharsets.UTF_8),
                "the secret without its line end");
        assertTrue(rules.version().matches("sha256:[0-9a-f]{16}"), rules.version());
        assertFalse(rules.webhooks().get("desk").toString().contains(SECRET), "the key stays out of logs");
    }

    @Test
    void everyMistakeIsOneReadableLineNamingWhereItIs() throws Exception {
        Path file = write("rules.yaml", """
                webhooks:
                  desk:
                    url: ftp://example.org/x
                rules:
                  - id: Bad Id
                    when:
                      countries: [Ukraine]
                    notify: [desk, pager]
                  - id: two
                    when:
                      all:
                        - event: [OPENED, EXPLODED]
                        - min_sources: 0
                        - entity: {name: X, type: gun}
                        - field: key_facts.killed
                          gte: 3
                        - field: incident.key_facts.killed
                          above: 3
                    notify: [desk]
                    fire: sometimes
                  - id: two
                    notify: [desk]
                """);
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> RulesFile.read(file));
        List<String> expectedStarts = List.of(
                "webhooks.desk.url: 'ftp://example.org/x' is no http:// or https:// address",
                "webhooks.desk.secret_file: missing",
                "rules[0] (Bad Id).id: 'Bad Id' is not lower-case",
                "rules[0] (Bad Id).when: unknown condition 'countries'",
                "rules[0] (Bad Id).notify: no webhook is named 'pager'",
                "rules[1] (two).when.all[0].event: 'EXPLODED' is no event type",
                "rules[1] (two).when.all[1].min_sources: must be a whole number of at least 1",
                "rules[1] (two).when.all[2].entity.type: 'gun' is none of person",
                "rules[1] (two).when.all[3].field: 'key_facts.killed' must be a path such as incident.",
                "rules[1] (two).when.all[4]: a field takes exactly one of",
                "rules[1] (two).fire: 'sometimes' is neither once_per_incident nor every_event",
                "rules[2] (two).id: another rule has the id 'two'",
                "rules[2] (two).when: missing");
        assertEquals(expectedStarts.size(), e.mistakes().size(), String.join("\n", e.mistakes()));
        for (int i = 0; i < expectedStarts.size(); i++) {
            assertTrue(e.mistakes().get(i).startsWith(expectedStarts.get(i)), e.mistakes().get(i));
            assertFalse(e.mistakes().get(i).contains("\n"));
        }
        assertTrue(e.getMessage().startsWith("the rules file " + file + " has 13 mistakes:"), e.getMessage());
    }

    @Test
    void unreadableFilesAndBrokenYamlSayWhat() throws Exception {
        assertEquals(List.of("the file does not exist"), assertThrows(InvalidRulesException.class,
                () -> RulesFile.read(dir.resolve("none.yaml"))).mistakes());
        String yaml = assertThrows(InvalidRulesException.class,
                () -> RulesFile.read(write("broken.yaml", "rules: [\n  - id: x\n  when"))).mistakes().get(0);
        assertTrue(yaml.startsWith("not valid YAML: ") && yaml.contains("line"), yaml);
    }

    @Test
    void aChangedFileIsPickedUpWithoutARestartAndOneWithMistakesIsRefused() throws Exception {
        write("desk.secret", SECRET);
        Path file = write("rules.yaml", RULES);
        ManualClock clock = new ManualClock(Instant.parse("2024-11-21T10:00:00Z"));
        RuleBook book = RuleBook.load(file, Duration.ofSeconds(5), clock);
        String first = book.current().version();

        Files.writeString(file, RULES.replace("id: atacms", "id: atacms-and-storm-shadow"));
        book.refresh();
        assertEquals(first, book.current().version(), "not looked at before the check interval");
        clock.advance(Duration.ofSeconds(5));
        book.refresh();
        assertNotEquals(first, book.current().version());
        assertEquals("atacms-and-storm-shadow", book.current().rules().get(1).id());

        String second = book.current().version();
        Files.writeString(file, RULES.replace("notify: desk", "notify: pager"));
        clock.advance(Duration.ofSeconds(5));
        book.refresh();
        assertEquals(second, book.current().version(), "a file with mistakes does not replace the rules in force");
        assertEquals(1, book.failedReloads());

        Files.writeString(dir.resolve("desk.secret"), SECRET + "-rotated");
        Files.writeString(file, RULES);
        clock.advance(Duration.ofSeconds(5));
        book.refresh();
        assertEquals(SECRET + "-rotated", new String(book.current().webhooks().get("desk").signingKey(),
                StandardCharsets.UTF_8), "a rotated secret file is a change too");
    }
}
