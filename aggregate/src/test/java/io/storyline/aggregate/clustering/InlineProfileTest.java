package io.storyline.aggregate.clustering;

import static io.storyline.aggregate.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import io.storyline.common.article.EnrichedArticle;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** State written before incident profiles had a table of their own still clusters after the upgrade. */
class InlineProfileTest {

    private static final long T0 = Instant.parse("2024-03-05T10:00:00Z").toEpochMilli();
    private static final SmileMapper SMILE = new SmileMapper();

    private static EnrichedArticle report(String id, String source) {
        return article(id).source(source).published("2024-03-04").eventDate("2024-03-04")
                .title("Warehouse fire in Millbrook")
                .body("Millbrook warehouse fire firefighters loading dock Dana Okafor")
                .entities("LOCATION:Millbrook", "PERSON:Dana Okafor").build();
    }

    @Test
    void anIncidentWhoseProfileIsInlineInItsRecordIsFoundJoinedAndMovedToTheProfilesTable() throws IOException {
        ClusteringState state = ClusteringState.inMemory();
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), state);
        engine.accept(ArticleFeatures.of(report("first", "a.example"), T0));
        String id = ClusteringEngine.incidentIdFor("first");
        state.incidents().put(id, asWrittenBeforeProfilesHadATable(state.incidents().get(id),
                state.profiles().get(id)));
        state.profiles().delete(id);

        List<Emission> out = engine.accept(ArticleFeatures.of(report("second", "b.example"), T0 + 1_000));

        List<String> events = out.stream().filter(e -> e instanceof Emission.Event)
                .map(e -> ((Emission.Event) e).event().type()).toList();
        assertEquals(List.of("ARTICLE_ADDED", "CORROBORATED"), events);
        IncidentProfile moved = state.profiles().get(id);
        assertNotNull(moved, "the change stored the profile in its table");
        assertEquals(2, moved.eventDates.get("2024-03-04"), "both reports' event date, the old one included");
        assertNull(ClusteringStores.INCIDENT_SERDE.deserializer().deserialize("", ClusteringStores.INCIDENT_SERDE
                .serializer().serialize("", state.incidents().get(id))).inlineProfile(), "and not in the record");
    }

    /** The record as the previous version wrote it: profile fields inline, no profiles table entry. */
    private static IncidentState asWrittenBeforeProfilesHadATable(IncidentState record, IncidentProfile profile)
            throws IOException {
        Map<String, Object> old = SMILE.readValue(ClusteringStores.INCIDENT_SERDE.serializer().serialize("", record),
                new TypeReference<Map<String, Object>>() { });
        old.put("firstDay", profile.firstDay);
        old.put("lastDay", profile.lastDay);
        old.put("terms", profile.terms());
        old.put("entityWeights", profile.entityWeights);
        old.put("countries", profile.countries);
        old.put("eventDates", profile.eventDates);
        old.put("termNorm", profile.termNorm);
        old.put("entityNorm", profile.entityNorm);
        IncidentState read = ClusteringStores.INCIDENT_SERDE.deserializer()
                .deserialize("", SMILE.writeValueAsBytes(old));
        assertNotNull(read.inlineProfile());
        assertEquals(profile.termNorm, read.inlineProfile().termNorm, 1e-12);
        return read;
    }
}
