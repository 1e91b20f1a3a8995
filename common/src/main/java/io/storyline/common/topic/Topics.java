package io.storyline.common.topic;

import io.storyline.common.alert.Alert;
import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.json.JsonSerde;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of Storyline's topics. Every service and tool takes its topics from here, so a topic's name and
 * serdes are defined once. Names are defaults; {@link #renamed} applies {@code storyline.topic.<key>} settings
 * (keys: raw, articles, enriched, incidents, incident.events, alerts, dlq).
 */
public record Topics(
        Topic<String, byte[]> raw,
        Topic<String, Article> articles,
        Topic<String, EnrichedArticle> enriched,
        Topic<String, Incident> incidents,
        Topic<String, IncidentEvent> incidentEvents,
        Topic<String, Alert> alerts,
        Topic<byte[], byte[]> dlq) {

    public static final JsonSerde<Article> ARTICLE_SERDE = JsonSerde.of(Article.class);
    public static final JsonSerde<EnrichedArticle> ENRICHED_SERDE = JsonSerde.of(EnrichedArticle.class);
    public static final JsonSerde<Incident> INCIDENT_SERDE = JsonSerde.of(Incident.class);
    public static final JsonSerde<IncidentEvent> INCIDENT_EVENT_SERDE = JsonSerde.of(IncidentEvent.class);
    public static final JsonSerde<Alert> ALERT_SERDE = JsonSerde.of(Alert.class);

    /** The largest raw record Storyline accepts by default; larger ones are rejected by ingest. */
    public static final int MAX_RAW_RECORD_BYTES = 16 << 20;

    /**
     * news.raw and news.dlq hold records up to {@link #MAX_RAW_RECORD_BYTES} plus room for headers, so an
     * oversized article is rejected with a reason instead of failing on its way in or to the dead-letter topic.
     */
    public static final int LARGE_RECORD_BYTES = MAX_RAW_RECORD_BYTES + (64 << 10);

    private static final Map<String, String> LARGE_RECORDS =
            Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(LARGE_RECORD_BYTES));

    private static final Topics DEFAULTS = new Topics(
            new Topic<>("raw", "news.raw", Serdes.String(), Serdes.ByteArray(), LARGE_RECORDS),
            new Topic<>("articles", "news.articles", Serdes.String(), ARTICLE_SERDE, Map.of()),
            new Topic<>("enriched", "news.enriched", Serdes.String(), ENRICHED_SERDE, Map.of()),
            new Topic<>("incidents", "news.incidents", Serdes.String(), INCIDENT_SERDE,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            new Topic<>("incident.events", "news.incident-events", Serdes.String(), INCIDENT_EVENT_SERDE, Map.of()),
            new Topic<>("alerts", "news.alerts", Serdes.String(), ALERT_SERDE, Map.of()),
            new Topic<>("dlq", "news.dlq", Serdes.ByteArray(), Serdes.ByteArray(), LARGE_RECORDS));

    public static Topics defaults() {
        return DEFAULTS;
    }

    /** The registry with each topic renamed by {@code nameFor(key)}, where that gives a non-blank name. */
    public Topics renamed(UnaryOperator<String> nameFor) {
        return new Topics(rename(raw, nameFor), rename(articles, nameFor), rename(enriched, nameFor),
                rename(incidents, nameFor), rename(incidentEvents, nameFor), rename(alerts, nameFor),
                rename(dlq, nameFor));
    }

    public List<Topic<?, ?>> all() {
        return List.of(raw, articles, enriched, incidents, incidentEvents, alerts, dlq);
    }

    private static <K, V> Topic<K, V> rename(Topic<K, V> topic, UnaryOperator<String> nameFor) {
        String name = nameFor.apply(topic.key());
        return name == null || name.isBlank() ? topic : topic.withName(name.trim());
    }
}
