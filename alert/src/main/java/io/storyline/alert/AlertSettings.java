package io.storyline.alert;

import io.storyline.alert.delivery.WebhookDelivery;
import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The alert service's settings ({@code storyline.alert.*}, environment {@code STORYLINE_ALERT_*}):
 *
 * <ul>
 *   <li>{@code rules}: the rules file (required);</li>
 *   <li>{@code rules.check.interval} (PT5S): how often the file is looked at for changes;</li>
 *   <li>{@code snapshot.wait} (PT30S): how long an event waits for the incident record that shows its change
 *       before it is evaluated with the latest one there is;</li>
 *   <li>{@code delivery.timeout} (PT10S): one webhook request, connection included;</li>
 *   <li>{@code delivery.give.up.after} (PT10M): a delivery still failing this long after its first attempt (or
 *       after its webhook began failing) is dead-lettered;</li>
 *   <li>{@code delivery.backoff.initial} (PT1S), {@code delivery.backoff.max} (PT1M): waits between attempts;</li>
 *   <li>{@code delivery.concurrency} (16): requests in flight at once, over all webhooks;</li>
 *   <li>{@code delivery.max.unsettled} (1000): alerts of one partition in delivery before reading it pauses.</li>
 * </ul>
 */
public record AlertSettings(Path rules, Duration rulesCheckInterval, Duration snapshotWait,
                            WebhookDelivery.Settings delivery) {

    public static final String PREFIX = StorylineConfig.PREFIX + "alert.";
    public static final String RULES = PREFIX + "rules";

    public static AlertSettings from(StorylineConfig config) {
        String rules = config.string(RULES, null);
        if (rules == null) {
            throw new ConfigException("no rules file given: set " + RULES + " (environment "
                    + StorylineConfig.envNameOf(RULES) + ") to the path of the alert rules (YAML)");
        }
        WebhookDelivery.Settings delivery = new WebhookDelivery.Settings(
                positive(config, PREFIX + "delivery.timeout", Duration.ofSeconds(10)),
                positive(config, PREFIX + "delivery.give.up.after", Duration.ofMinutes(10)),
                positive(config, PREFIX + "delivery.backoff.initial", Duration.ofSeconds(1)),
                positive(config, PREFIX + "delivery.backoff.max", Duration.ofMinutes(1)),
                atLeastOne(config, PREFIX + "delivery.concurrency", 16),
                atLeastOne(config, PREFIX + "delivery.max.unsettled", 1000));
        return new AlertSettings(Path.of(rules), positive(config, PREFIX + "rules.check.interval", Duration.ofSeconds(5)),
                positive(config, PREFIX + "snapshot.wait", Duration.ofSeconds(30)), delivery);
    }

    private static Duration positive(StorylineConfig config, String key, Duration defaultValue) {
        Duration value = config.duration(key, defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException("setting " + key + " must be longer than zero, not " + value);
        }
        return value;
    }

    private static int atLeastOne(StorylineConfig config, String key, int defaultValue) {
        int value = config.integer(key, defaultValue);
        if (value < 1) {
            throw new ConfigException("setting " + key + " must be at least 1, not " + value);
        }
        return value;
    }
}
