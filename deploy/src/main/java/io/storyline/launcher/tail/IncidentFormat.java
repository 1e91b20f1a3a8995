package io.storyline.launcher.tail;

import io.storyline.common.facts.KeyFacts;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** One readable line per incident or event, for people watching a terminal. */
public final class IncidentFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int TOP_ENTITIES = 6;

    private IncidentFormat() {
    }

    public static String incident(Incident incident) {
        StringBuilder line = new StringBuilder();
        line.append(incident.incidentId());
        if (incident.mergedInto() != null) {
            return line.append("  merged into ").append(incident.mergedInto()).toString();
        }
        line.append("  ").append(incident.eventDate() == null ? "date unknown" : incident.eventDate());
        line.append("  ").append(incident.articleCount()).append(incident.articleCount() == 1 ? " article, " : " articles, ");
        line.append(incident.sourceCount()).append(incident.sourceCount() == 1 ? " source" : " sources");
        if (incident.sources() != null && !incident.sources().isEmpty()) {
            line.append(" (").append(String.join(", ", incident.sources())).append(')');
        }
        if (incident.status() != null) {
            line.append("  ").append(incident.status());
        }
        line.append("\n    ").append(quote(incident.title()));
        String facts = facts(incident.keyFacts());
        if (!facts.isEmpty()) {
            line.append("\n    ").append(facts);
        }
        List<Incident.RankedEntity> entities = incident.entities();
        if (entities != null && !entities.isEmpty()) {
            line.append("\n    ").append(entities.stream().limit(TOP_ENTITIES)
                    .map(e -> e.canonical() + " (" + e.type().toLowerCase() + ")")
                    .collect(Collectors.joining(", ")));
            if (entities.size() > TOP_ENTITIES) {
                line.append(", +").append(entities.size() - TOP_ENTITIES).append(" more");
            }
        }
        return line.toString();
    }

    public static String event(IncidentEvent event) {
        StringBuilder line = new StringBuilder();
        line.append(event.at() == null ? "--:--:--" : TIME.format(event.at()));
        line.append("  ").append(String.format("%-14s", event.type())).append(' ').append(event.incidentId());
        if (event.articleId() != null) {
            line.append("  article ").append(event.articleId());
        }
        if (event.source() != null) {
            line.append(" from ").append(event.source());
        }
        if (event.duplicateOf() != null) {
            line.append(", reprint of ").append(event.duplicateOf());
        }
        if (event.mergedInto() != null) {
            line.append(" -> ").append(event.mergedInto());
        }
        if (event.sourceCount() != null) {
            line.append("  [").append(event.sourceCount()).append(event.sourceCount() == 1 ? " source]" : " sources]");
        }
        if (event.keyFacts() != null) {
            String before = facts(event.previousKeyFacts());
            line.append("  ").append(before.isEmpty() ? "" : before + " -> ").append(facts(event.keyFacts()));
        }
        if (event.title() != null) {
            line.append("  ").append(quote(event.title()));
        }
        return line.toString();
    }

    /** "2 killed, 14 injured, 2016-07-16, Bakersfield, California, United States"; empty when nothing is known. */
    static String facts(KeyFacts facts) {
        if (facts == null || facts.isEmpty()) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        parts.add((facts.killed() == null ? "? " : facts.killed() + " ") + "killed");
        parts.add((facts.injured() == null ? "? " : facts.injured() + " ") + "injured");
        if (facts.date() != null) {
            parts.add(facts.date());
        }
        KeyFacts.Place place = facts.place();
        if (place != null) {
            for (String part : new String[] {place.city(), place.region(), place.country()}) {
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        return String.join(", ", parts);
    }

    private static String quote(String title) {
        return title == null || title.isBlank() ? "(untitled)" : "\u201c" + title.strip() + "\u201d";
    }
}
