package io.storyline.board.incidents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.board.BoardSettings;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import io.storyline.common.json.FutureSchemaVersionException;
import io.storyline.common.json.InvalidRecordException;
import io.storyline.common.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the board knows of the incidents, bounded: incidents active within {@link BoardSettings#window()},
 * at most {@link BoardSettings#maxIncidents()} of them, each with at most {@link IncidentEntry#TIMELINE_LIMIT}
 * history entries. Built from {@code news.incidents} (the latest record of each incident) and
 * {@code news.incident-events} (who reported what, and when), in whatever order the two topics deliver.
 *
 * <p>One thread applies records; page requests read concurrently. Every method that changes something adds the
 * ids of the incidents whose page or row changed to {@code changed}, for the live feed.
 */
public final class BoardState {

    private static final Logger LOG = LoggerFactory.getLogger(BoardState.class);
    private static final Comparator<IncidentEntry> NEWEST_ACTIVITY_FIRST =
            Comparator.comparing((IncidentEntry e) -> e.lastActivity).reversed().thenComparing(e -> e.id);

    private final BoardSettings settings;
    private final Clock clock;
    private final Map<String, IncidentEntry> entries = new HashMap<>();
    /** Merged incident to the one it was merged into, so an old address still leads somewhere. */
    private final Map<String, String> mergedInto;
    private final AtomicLong unreadable = new AtomicLong();

    public BoardState(BoardSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        int redirects = settings.maxIncidents() * 2;
        this.mergedInto = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > redirects;
            }
        };
    }

    /** A record of {@code news.incidents}; null {@code value} is a tombstone (the incident was deleted). */
    public synchronized void applyIncident(String key, byte[] value, Set<String> changed) {
        if (key == null) {
            unreadable("news.incidents", "a record without key");
            return;
        }
        if (value == null) {
            if (entries.remove(key) != null) {
                changed.add(key);
            }
            return;
        }
        ObjectNode node;
        Incident incident;
        try {
            node = (ObjectNode) Json.mapper().readTree(value);
            incident = Json.mapper().treeToValue(node, Incident.class);
            FutureSchemaVersionException.requireKnown("the incident's", incident.schemaVersion(),
                    Incident.SCHEMA_VERSION);
            incident.validate();
        } catch (IOException | ClassCastException | IllegalArgumentException | InvalidRecordException e) {
            unreadable("news.incidents", key + ": " + e.getMessage());
            return;
        }
        if (incident.mergedInto() != null) {
            absorb(key, incident.mergedInto(), changed);
            return;
        }
        IncidentEntry entry = entries.computeIfAbsent(key, IncidentEntry::new);
        entry.record = node;
        entry.incident = incident;
        entry.touched(incident.lastUpdated());
        changed.add(key);
    }

    /**
     * A record of {@code news.incident-events}; answers it decoded (for the operators' counts), or null when it is
     * unreadable.
     */
    public synchronized IncidentEvent applyEvent(String key, byte[] value, Set<String> changed) {
        if (value == null) {
            return null;
        }
        IncidentEvent event;
        try {
            event = Json.mapper().readValue(value, IncidentEvent.class);
            FutureSchemaVersionException.requireKnown("the incident event's", event.schemaVersion(),
                    IncidentEvent.SCHEMA_VERSION);
            event.validate();
        } catch (IOException | InvalidRecordException e) {
            unreadable("news.incident-events", key + ": " + e.getMessage());
            return null;
        }
        if (IncidentEventType.MERGED.equals(event.type()) && event.mergedInto() != null) {
            IncidentEntry loser = entries.get(event.incidentId());
            if (loser != null) {
                loser.addHistory(entryOf(event));
            }
            absorb(event.incidentId(), event.mergedInto(), changed);
            return event;
        }
        String id = survivorOf(event.incidentId());
        IncidentEntry entry = entries.computeIfAbsent(id, IncidentEntry::new);
        entry.touched(event.at());
        entry.addHistory(entryOf(event));
        if (event.articleId() != null && isMembership(event.type())) {
            IncidentEvent.ArticleSummary article = event.article();
            entry.addMember(new Member(event.articleId(), event.source(), article == null ? null : article.title(),
                    article == null ? null : article.url(), article == null ? null : article.publishedAt(),
                    event.at(), event.duplicateOf()));
        }
        if (IncidentEventType.CORROBORATED.equals(event.type())) {
            entry.corroboratedSeen = true;
        }
        changed.add(id);
        return event;
    }

    private static boolean isMembership(String type) {
        return switch (type) {
            case IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED, IncidentEventType.ARTICLE_UPDATED,
                 IncidentEventType.DUPLICATE_SEEN -> true;
            default -> false;
        };
    }

    private static TimelineEntry entryOf(IncidentEvent event) {
        return new TimelineEntry(event.type(), event.at(), event.articleId(), event.source(),
                event.article() == null ? null : event.article().title(), event.duplicateOf(), event.mergedInto(),
                null, event.articleCount(), event.sourceCount());
    }

    /**
     * {@code loser} was merged into {@code survivor}: its members and their history move there, and its address
     * leads there from now on. The merged record and the MERGED event may come in either order; the second finds
     * nothing left to move.
     */
    private void absorb(String loser, String survivor, Set<String> changed) {
        if (loser.equals(survivor)) {
            return;
        }
        mergedInto.put(loser, survivor);
        IncidentEntry gone = entries.remove(loser);
        String target = survivorOf(survivor);
        IncidentEntry into = entries.computeIfAbsent(target, IncidentEntry::new);
        if (into.mergedFrom.add(loser)) {
            Instant at = gone == null ? clock.instant() : gone.lastActivity;
            into.addHistory(new TimelineEntry(IncidentEventType.MERGED, at, null, null,
                    gone == null || gone.incident == null ? null : gone.incident.title(), null, null, loser,
                    null, null));
        }
        if (gone != null) {
            gone.members.values().forEach(into::addMember);
            into.touched(gone.lastActivity);
            into.corroboratedSeen |= gone.corroboratedSeen;
        }
        changed.add(loser);
        changed.add(target);
    }

    /** The incident an id leads to: itself, or where it was merged (through any number of merges). */
    public synchronized String survivorOf(String id) {
        String current = id;
        for (int i = 0; i < 100; i++) {
            String next = mergedInto.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /**
     * Drops incidents without activity within the window, then the least recently active beyond the most the
     * board holds; a board that runs for months holds what it would hold after a restart.
     */
    public synchronized void evict(Set<String> changed) {
        Instant cutoff = clock.instant().minus(settings.window());
        entries.values().removeIf(entry -> {
            boolean old = entry.lastActivity.isBefore(cutoff);
            if (old) {
                changed.add(entry.id);
            }
            return old;
        });
        if (entries.size() > settings.maxIncidents()) {
            List<IncidentEntry> byActivity = new ArrayList<>(entries.values());
            byActivity.sort(NEWEST_ACTIVITY_FIRST);
            for (IncidentEntry entry : byActivity.subList(settings.maxIncidents(), byActivity.size())) {
                entries.remove(entry.id);
                changed.add(entry.id);
            }
        }
    }

    /** One page of the list: the incidents {@code filter} lets through, newest activity first. */
    public synchronized ObjectNode page(IncidentFilter filter, int limit) {
        List<IncidentEntry> matching = entries.values().stream()
                .filter(IncidentEntry::listed)
                .filter(e -> filter.matches(e.incident, e.record))
                .sorted(NEWEST_ACTIVITY_FIRST)
                .toList();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("matching", matching.size());
        out.put("held", entries.size());
        out.put("window", settings.window().toString());
        ArrayNode incidents = out.putArray("incidents");
        matching.stream().limit(limit).forEach(e -> incidents.add(e.summary(settings.corroboration())));
        return out;
    }

    /** A list row for the live feed, or null when the incident is gone or {@code filter} hides it. */
    public synchronized ObjectNode row(String id, IncidentFilter filter) {
        IncidentEntry entry = entries.get(id);
        if (entry == null || !entry.listed() || !filter.matches(entry.incident, entry.record)) {
            return null;
        }
        return entry.summary(settings.corroboration());
    }

    /** The incident page's data, or null when the board holds no such incident (see {@link #survivorOf}). */
    public synchronized ObjectNode detail(String id) {
        IncidentEntry entry = entries.get(id);
        return entry == null || !entry.listed() ? null : entry.detail(settings.corroboration());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Records the board could not read (not JSON, a newer schema version): counted and logged, never fatal. */
    public long unreadable() {
        return unreadable.get();
    }

    private void unreadable(String topic, String why) {
        long count = unreadable.incrementAndGet();
        // The first few say what is wrong; a stream of them should not flood the log.
        if (count <= 10 || Long.bitCount(count) == 1) {
            LOG.warn("skipped an unreadable record of {} ({} so far): {}", topic, count, why);
        }
    }

    /** Ids among {@code ids} the board lists, for tests. */
    synchronized List<String> listed(Collection<String> ids) {
        return ids.stream().filter(id -> entries.containsKey(id) && entries.get(id).listed()).toList();
    }
}
