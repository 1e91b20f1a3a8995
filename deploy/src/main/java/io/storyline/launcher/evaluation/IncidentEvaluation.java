package io.storyline.launcher.evaluation;

import io.storyline.aggregate.AggregateSettings;
import io.storyline.aggregate.clustering.ClusteringEngine;
import io.storyline.aggregate.clustering.ClusteringState;
import io.storyline.aggregate.clustering.Emission;
import io.storyline.common.incident.Incident;
import io.storyline.common.json.Json;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.ingest.IngestSettings;
import io.storyline.ingest.publish.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code storyline eval incidents}: the pipeline's ingest, enrich and clustering code offline, fed in the order
 * the clustering task would see the articles, so a change to the engine is scored in seconds, the same way every
 * time, with the largest false merges and splits named by their titles.
 */
public final class IncidentEvaluation {

    /** What one evaluation produced. */
    public record Outcome(List<Incident> incidents, List<Rejection> rejected, IncidentScores scores) {
    }

    private IncidentEvaluation() {
    }

    /**
     * @param gold     article id → gold incident id, or null to only cluster
     * @param enriched where to write the enriched articles in clustering order (for the engine's own tools), or null
     */
    public static Outcome run(StorylineConfig config, List<String> inputs, InputStream stdin, Map<String, String> gold,
                              Path enriched, int threads, int errors) {
        OfflinePipeline.Result pipeline = OfflinePipeline.run(inputs, IngestSettings.from(config), stdin,
                System.currentTimeMillis(), threads);
        if (enriched != null) {
            write(enriched, pipeline.articles().stream().map(OfflinePipeline.Ordered::enriched).toList());
        }
        ClusteringEngine engine = new ClusteringEngine(AggregateSettings.from(config).clustering(),
                ClusteringState.inMemory());
        Map<String, Incident> live = new LinkedHashMap<>();
        for (OfflinePipeline.Ordered article : pipeline.articles()) {
            for (Emission emission : engine.accept(article.features())) {
                if (emission instanceof Emission.IncidentRecord record) {
                    if (record.incident() == null || record.incident().mergedInto() != null) {
                        live.remove(record.incidentId());
                    } else {
                        live.put(record.incidentId(), record.incident());
                    }
                }
            }
        }
        List<Incident> incidents = List.copyOf(live.values());
        IncidentScores scores = gold == null ? null : IncidentScores.of(gold, membership(incidents),
                titles(pipeline.articles()), errors);
        return new Outcome(incidents, pipeline.rejected(), scores);
    }

    public static Map<String, String> membership(List<Incident> incidents) {
        Map<String, String> out = new HashMap<>();
        for (Incident incident : incidents) {
            incident.articleIds().forEach(id -> out.put(id, incident.incidentId()));
        }
        return out;
    }

    private static Map<String, String> titles(List<OfflinePipeline.Ordered> articles) {
        Map<String, String> out = new HashMap<>();
        for (OfflinePipeline.Ordered article : articles) {
            var a = article.enriched().article();
            out.put(a.id(), a.title() != null && !a.title().isBlank() ? a.title().strip()
                    : article.features().title());
        }
        return out;
    }

    static <T> void write(Path path, List<T> records) {
        try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            for (T record : records) {
                writer.write(Json.mapper().writeValueAsString(record));
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
