package io.storyline.alert.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What webhook delivery did, for {@code /metrics} and for people: requests sent, and how they ended. Meters
 * (Prometheus names): {@code storyline_webhook_requests_total{webhook,outcome}} with outcome {@code delivered}
 * (2xx), {@code failed} (an error, a timeout or an answer worth retrying; retried while time is left),
 * {@code rejected} (an answer that retrying cannot change); {@code storyline_webhook_dead_letters_total{webhook,
 * reason}}; {@code storyline_webhook_delivery_latency_seconds{webhook}}: from the event that raised the alert to
 * its delivery.
 */
public final class DeliveryCounts {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    public DeliveryCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A snapshot of the totals over every webhook. */
    public record Totals(long sent, long delivered, long failed, long rejected, long deadLettered) {
    }

    public Totals totals() {
        return new Totals(sent.sum(), delivered.sum(), failed.sum(), rejected.sum(), deadLettered.sum());
    }

    void sent() {
        sent.increment();
    }

    void delivered(String webhook, Duration sinceRaised) {
        delivered.increment();
        request(webhook, "delivered");
        latencies.computeIfAbsent(webhook, w -> Timer.builder("storyline.webhook.delivery.latency").tag("webhook", w)
                .description("From the event that raised an alert to its delivery")
                .publishPercentileHistogram().register(registry)).record(sinceRaised.isNegative() ? Duration.ZERO
                : sinceRaised);
    }

    void failed(String webhook) {
        failed.increment();
        request(webhook, "failed");
    }

    void rejected(String webhook) {
        rejected.increment();
        request(webhook, "rejected");
    }

    void deadLettered(String webhook, String reason) {
        deadLettered.increment();
        counters.computeIfAbsent("dlq\u0000" + webhook + '\u0000' + reason, k -> Counter
                .builder("storyline.webhook.dead.letters").tag("webhook", webhook).tag("reason", reason)
                .description("Alerts dead-lettered instead of delivered").register(registry)).increment();
    }

    private void request(String webhook, String outcome) {
        counters.computeIfAbsent(webhook + '\u0000' + outcome, k -> Counter.builder("storyline.webhook.requests")
                .tag("webhook", webhook).tag("outcome", outcome).description("Webhook requests by how they ended")
                .register(registry)).increment();
    }
}
