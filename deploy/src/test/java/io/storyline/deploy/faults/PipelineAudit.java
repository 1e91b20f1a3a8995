package io.storyline.deploy.faults;

import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.topic.Topics;
import io.storyline.launcher.bench.CommittedReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What reached each of the pipeline's topics, read as a downstream consumer reads it ({@code read_committed}), and
 * the checks every fault test makes: every article exactly once on news.articles and news.enriched, placed in an
 * incident by exactly one event, a member of exactly one live incident, incidents whose counts equal their
 * members, grouped as the events they report, and nothing dead-lettered. The container end-to-end test makes the
 * same checks.
 */
public final class PipelineAudit implements AutoCloseable {

    static final Duration SAFETY_DEADLINE = Duration.ofMinutes(3);
    private static final Set<String> PLACEMENTS = Set.of(IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED,
            IncidentEventType.DUPLICATE_SEEN);

    private final Duration deadline;
    private final Topics topics;
    private final CommittedReader reader;
    private final Map<String, Integer> articles = new TreeMap<>();
    private final Map<String, Integer> enriched = new TreeMap<>();
    private final Map<String, Integer> placements = new TreeMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final List<String> deadLetters = new ArrayList<>();

    public PipelineAudit(Map<String, Object> clientSettings, Topics topics) {
        this(clientSettings, topics, SAFETY_DEADLINE);
    }

    /** @param deadline how long the waits below wait before the test fails */
    public PipelineAudit(Map<String, Object> clientSettings, Topics topics, Duration deadline) {
        this.deadline = deadline;
        this.topics = topics;
        this.reader = new CommittedReader(clientSettings, List.of(topics.articles().name(), topics.enriched().name(),
                topics.incidents().name(), topics.incidentEvents().name(), topics.dlq().name()));
    }

    /**
     * Reads until every expected article is a member of a live incident, then to the end of every topic, so that a
     * duplicate written after the last placement is counted too.
     */
    public PipelineAudit awaitPlaced(Set<String> expected) {
        Instant giveUp = Instant.now().plus(deadline);
        while (!placed().containsAll(expected)) {
            if (Instant.now().isAfter(giveUp)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(placed());
                throw new AssertionError("gave up after " + deadline + "; not in any incident: " + missing
                        + "; on news.articles " + articles.keySet().size() + ", on news.enriched "
                        + enriched.keySet().size() + ", dead letters " + deadLetters);
            }
            reader.poll(Duration.ofMillis(200)).forEach(this::take);
        }
        reader.drain().forEach(this::take);
        return this;
    }

    /**
     * Reads until {@code service} has written at least {@code count} records of its output (articles, enriched
     * articles, placements), committed; answers how many it has.
     */
    public int awaitOutput(String service, int count) {
        Instant giveUp = Instant.now().plus(deadline);
        while (output(service) < count) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(service + " wrote " + output(service) + " of " + count + " records within "
                        + deadline);
            }
            reader.poll(Duration.ofMillis(100)).forEach(this::take);
        }
        return output(service);
    }

    private int output(String service) {
        Map<String, Integer> counts = switch (service) {
            case "ingest" -> articles;
            case "enrich" -> enriched;
            case "aggregate" -> placements;
            default -> throw new IllegalArgumentException(service);
        };
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        if (topic.equals(topics.articles().name())) {
            articles.merge(record.key(), 1, Integer::sum);
        } else if (topic.equals(topics.enriched().name())) {
            enriched.merge(record.key(), 1, Integer::sum);
        } else if (topic.equals(topics.incidentEvents().name())) {
            IncidentEvent event = Topics.INCIDENT_EVENT_SERDE.fromBytes(record.value());
            if (PLACEMENTS.contains(event.type())) {
                placements.merge(event.articleId(), 1, Integer::sum);
            }
        } else if (topic.equals(topics.incidents().name())) {
            if (record.value() == null) {
                incidents.remove(record.key());
            } else {
                incidents.put(record.key(), Topics.INCIDENT_SERDE.fromBytes(record.value()));
            }
        } else {
            deadLetters.add(record.key());
        }
    }

    /** Incidents as the compacted topic holds them, those merged away excluded. */
    public List<Incident> liveIncidents() {
        return incidents.values().stream().filter(i -> i.mergedInto() == null).toList();
    }

    private Set<String> placed() {
        Set<String> ids = new HashSet<>();
        liveIncidents().forEach(i -> ids.addAll(i.articleIds()));
        return ids;
    }

    /** Everything that breaks exactly-once delivery or the incidents' consistency; empty when all is well. */
    public List<String> problems(Map<String, Set<String>> expectedIncidents) {
        Set<String> expected = expectedIncidents.values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();
        exactlyOnce("news.articles", articles, expected, problems);
        exactlyOnce("news.enriched", enriched, expected, problems);
        exactlyOnce("placement events", placements, expected, problems);
        Map<String, Integer> memberships = new TreeMap<>();
        for (Incident incident : liveIncidents()) {
            incident.articleIds().forEach(id -> memberships.merge(id, 1, Integer::sum));
            consistent(incident, problems);
        }
        exactlyOnce("incident memberships", memberships, expected, problems);
        Set<Set<String>> groups = liveIncidents().stream().map(i -> Set.copyOf(i.articleIds()))
                .collect(Collectors.toSet());
        Set<Set<String>> expectedGroups = expectedIncidents.values().stream().map(Set::copyOf)
                .collect(Collectors.toSet());
        if (!groups.equals(expectedGroups)) {
            problems.add("incidents " + sorted(groups) + " differ from the events " + sorted(expectedGroups));
        }
        if (!deadLetters.isEmpty()) {
            problems.add("dead letters: " + deadLetters);
        }
        return problems;
    }

    private static void exactlyOnce(String where, Map<String, Integer> counts, Set<String> expected,
                                    List<String> problems) {
        Map<String, Integer> wrong = new TreeMap<>();
        for (String id : expected) {
            int count = counts.getOrDefault(id, 0);
            if (count != 1) {
                wrong.put(id, count);
            }
        }
        counts.keySet().stream().filter(id -> !expected.contains(id)).forEach(id -> wrong.put(id, counts.get(id)));
        if (!wrong.isEmpty()) {
            problems.add(where + ": not exactly once (id=times) " + wrong);
        }
    }

    private static void consistent(Incident incident, List<String> problems) {
        String id = incident.incidentId();
        List<String> members = incident.articleIds();
        if (new HashSet<>(members).size() != members.size()) {
            problems.add(id + " lists a member twice: " + members);
        }
        if (incident.articleCount() != members.size()) {
            problems.add(id + " counts " + incident.articleCount() + " articles but has " + members.size());
        }
        if (incident.sourceCount() != incident.sources().size()) {
            problems.add(id + " counts " + incident.sourceCount() + " sources but lists " + incident.sources());
        }
        Map<String, String> duplicates = new HashMap<>();
        incident.duplicates().forEach(d -> duplicates.put(d.articleId(), d.duplicateOf()));
        duplicates.forEach((copy, original) -> {
            if (!members.contains(copy) || !members.contains(original)) {
                problems.add(id + " has a reprint pair outside its members: " + copy + " of " + original);
            }
        });
        incident.entities().stream().filter(e -> e.count() > members.size()).forEach(e ->
                problems.add(id + " counts entity " + e.canonical() + " in " + e.count() + " of " + members.size()
                        + " members"));
        int dated = incident.dates().stream().mapToInt(Incident.DateCount::count).sum();
        if (dated > members.size()) {
            problems.add(id + " counts " + dated + " event dates for " + members.size() + " members");
        }
    }

    private static List<List<String>> sorted(Set<Set<String>> groups) {
        return groups.stream().map(g -> g.stream().sorted().toList())
                .sorted(java.util.Comparator.comparing(g -> g.get(0))).toList();
    }

    /** One line for the test log: what was checked. */
    public String summary() {
        return articles.size() + " articles, " + liveIncidents().size() + " incidents, "
                + placements.values().stream().mapToInt(Integer::intValue).sum() + " placements, "
                + deadLetters.size() + " dead letters";
    }

    @Override
    public void close() {
        reader.close();
    }
}
