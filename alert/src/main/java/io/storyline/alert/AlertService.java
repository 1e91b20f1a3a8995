package io.storyline.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storyline.alert.delivery.DeliveryCounts;
import io.storyline.alert.delivery.WebhookDelivery;
import io.storyline.alert.raise.AlertTopology;
import io.storyline.alert.rules.RuleBook;
import io.storyline.common.metrics.ServiceMetrics;
import io.storyline.common.runtime.ServiceWorker;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsService;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The alert service: evaluates the rules of a rules file on {@code news.incident-events} (with the incident each
 * event is about, from {@code news.incidents}) and writes the alerts they raise to {@code news.alerts}, exactly
 * once (a Kafka Streams application); and delivers {@code news.alerts} to the rules' webhooks ({@link
 * WebhookDelivery}, a worker beside the Streams client). Settings: {@link AlertSettings}.
 */
public final class AlertService implements StreamsService {

    private AlertSettings settings;
    private RuleBook rules;
    private WebhookDelivery delivery;

    @Override
    public String name() {
        return "alert";
    }

    /** Reads and checks the rules file: a file with mistakes stops the start with one line per mistake. */
    @Override
    public Topology topology(StorylineConfig config, Topics topics) {
        return AlertTopology.build(rules(config), settings.snapshotWait(), topics);
    }

    @Override
    public List<Topic<?, ?>> topics(Topics topics) {
        return List.of(topics.incidents(), topics.incidentEvents(), topics.alerts(), topics.dlq());
    }

    @Override
    public List<ServiceWorker> workers(StorylineConfig config, Topics topics, MeterRegistry meters) {
        RuleBook book = rules(config);
        Gauge.builder("storyline.alert.rules.refused", book, RuleBook::failedReloads)
                .description("Changed rules files refused for their mistakes (the rules in force stay)")
                .register(meters);
        StreamsConfig streams = new StreamsConfig(StreamsSettings.of(this, config, topics));
        String clientId = StreamsSettings.applicationId(name(), config) + "-delivery";
        Map<String, Object> consumer = streams.getGlobalConsumerConfigs(clientId);
        consumer.put("group.id", clientId);
        consumer.put("client.id", clientId);
        Map<String, Object> producer = streams.getProducerConfigs(clientId + "-dead-letters");
        delivery = new WebhookDelivery(consumer, producer, topics, book, settings.delivery(), Clock.systemUTC(),
                new DeliveryCounts(meters), ServiceMetrics.recordingInto(meters));
        return List.of(delivery);
    }

    /** The version of the rules in force; null before the service started. */
    public String rulesVersion() {
        return rules == null ? null : rules.current().version();
    }

    /** The delivery worker once the service runs; null before. */
    public WebhookDelivery delivery() {
        return delivery;
    }

    private synchronized RuleBook rules(StorylineConfig config) {
        if (rules == null) {
            settings = AlertSettings.from(config);
            rules = RuleBook.load(settings.rules(), settings.rulesCheckInterval(), Clock.systemUTC());
        }
        return rules;
    }
}
