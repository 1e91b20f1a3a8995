package io.storyline.alert.rules;

import static io.storyline.alert.rules.RulesFileTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of condition, as written in a rules file, on an invented incident and its events. */
class ConditionsTest {

    static final JsonNode INCIDENT = json("""
            {"schema_version":1,"incident_id":"inc-1","title":"Missile strike hits Dnipro industrial site",
             "article_count":3,"source_count":2,"sources":["a.example","b.example"],"article_ids":["a1","a2","a3"],
             "status":"OPEN","event_date":"2024-11-21",
             "entities":[{"canonical":"Dnipro","type":"LOCATION","count":3},{"canonical":"Kh-101","type":"WEAPON","count":2},
                         {"canonical":"Ihor Klymenko","type":"PERSON","count":1}],
             "locations":[{"canonical":"Dnipro","type":"LOCATION","count":3}],
             "key_facts":{"killed":4,"injured":"12","place":{"city":"Dnipro","region":"Dnipropetrovsk Oblast","country":"Ukraine"}}}
            """);
    static final JsonNode CORROBORATED = json("""
            {"schema_version":1,"type":"CORROBORATED","incident_id":"inc-1","article_id":"a3","at":"2024-11-21T10:00:00Z",
             "source":"b.example","article_count":3,"source_count":2}
            """);

    @TempDir
    Path dir;

    boolean matches(String when, JsonNode event, JsonNode incident) throws Exception {
        Files.writeString(dir.resolve("s"), RulesFileTest.SECRET);
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "webhooks: {desk: {url: 'http://localhost:9/', secret_file: s}}\n"
                + "rules:\n  - id: r\n    notify: desk\n    when:\n" + when.indent(6));
        Rule rule = RulesFile.read(file).rules().get(0);
        return rule.when().test(new Facts(event, incident));
    }

    boolean matches(String when) throws Exception {
        return matches(when, CORROBORATED, INCIDENT);
    }

    @Test
    void eventTypesAndCounts() throws Exception {
        assertEquals(List.of(true, false, true, false, true, false), List.of(
                matches("event: CORROBORATED"), matches("event: [OPENED, MERGED]"),
                matches("min_sources: 2"), matches("min_sources: 3"), matches("min_articles: 3"),
                matches("min_articles: 4")));
        assertEquals(true, matches("min_sources: 2", CORROBORATED, null), "the event's count when no incident is known");
    }

    @Test
    void entitiesByNameAndTypeWhateverTheCaseAndAccents() throws Exception {
        assertEquals(List.of(true, true, false, true, false, true), List.of(
                matches("entity: kh-101"), matches("entity: {name: KH-101, type: weapon}"),
                matches("entity: {name: Kh-101, type: person}"), matches("entity: {type: person}"),
                matches("entity: {type: organisation}"), matches("entity: {names: [ATACMS, Ihor Klymenko]}")));
    }

    @Test
    void countriesAndPlacesFromPlacesAndKeyFacts() throws Exception {
        JsonNode withoutKeyFacts = INCIDENT.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutKeyFacts).remove("key_facts");
        assertEquals(List.of(true, false, true, true, false), List.of(
                matches("country: Ukraine"), matches("country: Ukraine", CORROBORATED, withoutKeyFacts),
                matches("place: [Kharkiv, dnipro]"), matches("place: Dnipropetrovsk Oblast"),
                matches("place: Kyiv")));
    }

    @Test
    void wordsInTheTitleAsWholeWords() throws Exception {
        assertEquals(List.of(true, true, false, false), List.of(
                matches("title_has: missile"), matches("title_has: [drone, industrial site]"),
                matches("title_has: missiles"), matches("title_has: hit")));
    }

    @Test
    void fieldComparisonsReachFieldsAddedLater() throws Exception {
        assertEquals(List.of(true, false, true, true, true, false, true, true, true, true, false), List.of(
                matches("{field: incident.key_facts.killed, gte: 3}"),
                matches("{field: incident.key_facts.killed, gt: 4}"),
                matches("{field: incident.key_facts.injured, gt: 10}"),
                matches("{field: incident.key_facts.place.country, equals: ukraine}"),
                matches("{field: incident.event_date, gte: '2024-11-01'}"),
                matches("{field: incident.key_facts.missing, exists: true}"),
                matches("{field: incident.entities.canonical, in: [ATACMS, Kh-101]}"),
                matches("{field: event.source, contains: b.exam}"),
                matches("{field: incident.sources, not_equals: c.example}"),
                matches("{field: incident.title, contains: Dnipro}"),
                matches("{field: incident.key_facts.killed, equals: many}")));
    }

    @Test
    void andOrNot() throws Exception {
        assertEquals(List.of(true, false, true, true), List.of(
                matches("all: [{event: CORROBORATED}, {country: Ukraine}, {min_sources: 2}]"),
                matches("all: [{event: CORROBORATED}, {country: Poland}]"),
                matches("any: [{country: Poland}, {entity: Kh-101}]"),
                matches("not: {event: OPENED}")));
    }
}
