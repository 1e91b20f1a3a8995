package io.storyline.board.incidents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An incident as the board holds it: its latest record exactly as published (so fields added to the record after
 * this board was built still reach the page), its members as the events described them, and its history.
 */
final class IncidentEntry {

    /** The most history entries kept per incident: a page shows how it grew, not every one of 10,000 reprints. */
    static final int TIMELINE_LIMIT = 500;
    private static final int REPRINT_CHAIN_LIMIT = 50;

    final String id;
    ObjectNode record;
    Incident incident;
    Instant lastActivity = Instant.EPOCH;
    boolean corroboratedSeen;
    final Map<String, Member> members = new LinkedHashMap<>();
    final ArrayDeque<TimelineEntry> timeline = new ArrayDeque<>();
    final Set<String> mergedFrom = new LinkedHashSet<>();

    IncidentEntry(String id) {
        this.id = id;
    }

    /** Whether it belongs on the list: its record has arrived and it was not merged away. */
    boolean listed() {
        return incident != null && incident.mergedInto() == null;
    }

    void touched(Instant at) {
        if (at != null && at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    void addMember(Member member) {
        members.merge(member.articleId(), member, Member::updatedBy);
    }

    void addHistory(TimelineEntry entry) {
        timeline.addLast(entry);
        while (timeline.size() > TIMELINE_LIMIT) {
            timeline.removeFirst();
        }
    }

    boolean corroborated(int threshold) {
        return corroboratedSeen || incident != null && incident.sourceCount() >= threshold;
    }

    /** A list row: the record without its member lists (a detail page has them), plus what the board adds. */
    ObjectNode summary(int corroboration) {
        ObjectNode out = record.deepCopy();
        out.remove("article_ids");
        out.remove("duplicates");
        ObjectNode board = out.putObject("board");
        board.put("corroborated", corroborated(corroboration));
        board.put("last_activity", lastActivity.toString());
        return out;
    }

    /** The incident page: the whole record, members with their reprints under them, and the timeline. */
    ObjectNode detail(int corroboration) {
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode full = record.deepCopy();
        ObjectNode board = full.putObject("board");
        board.put("corroborated", corroborated(corroboration));
        board.put("last_activity", lastActivity.toString());
        out.set("incident", full);
        out.set("members", groupedMembers());
        ArrayNode history = out.putArray("timeline");
        timeline.forEach(entry -> history.add(Json.mapper().<ObjectNode>valueToTree(entry)));
        ArrayNode merged = out.putArray("merged_from");
        mergedFrom.forEach(merged::add);
        return out;
    }

    /** Originals in arrival order, each with the reprints of it (and of its reprints) under it. */
    private ArrayNode groupedMembers() {
        Map<String, String> duplicateOf = new LinkedHashMap<>();
        members.values().forEach(m -> {
            if (m.duplicateOf() != null) {
                duplicateOf.put(m.articleId(), m.duplicateOf());
            }
        });
        if (incident != null && incident.duplicates() != null) {
            incident.duplicates().forEach(d -> duplicateOf.put(d.articleId(), d.duplicateOf()));
        }
        Set<String> order = new LinkedHashSet<>();
        if (incident != null) {
            order.addAll(incident.articleIds());
        }
        order.addAll(members.keySet());

        Map<String, ObjectNode> originals = new LinkedHashMap<>();
        Map<String, List<String>> reprints = new LinkedHashMap<>();
        for (String id : order) {
            String root = rootOf(id, duplicateOf, order);
            if (root.equals(id)) {
                originals.put(id, memberNode(id, null));
            } else {
                reprints.computeIfAbsent(root, r -> new ArrayList<>()).add(id);
            }
        }
        ArrayNode out = Json.mapper().createArrayNode();
        originals.forEach((id, node) -> {
            ArrayNode copies = node.putArray("reprints");
            reprints.getOrDefault(id, List.of()).forEach(r -> copies.add(memberNode(r, duplicateOf.get(r))));
            out.add(node);
        });
        return out;
    }

    /** The original a reprint goes back to within this incident; the article itself when it is an original. */
    private static String rootOf(String id, Map<String, String> duplicateOf, Set<String> members) {
        String current = id;
        for (int i = 0; i < REPRINT_CHAIN_LIMIT; i++) {
            String original = duplicateOf.get(current);
            if (original == null || !members.contains(original) || original.equals(id)) {
                return current;
            }
            current = original;
        }
        return current;
    }

    private ObjectNode memberNode(String id, String duplicateOf) {
        Member member = members.getOrDefault(id, Member.unknown(id));
        ObjectNode node = Json.mapper().valueToTree(member);
        if (duplicateOf != null) {
            node.put("duplicate_of", duplicateOf);
        }
        node.put("described", member.seenAt() != null);
        return node;
    }
}
