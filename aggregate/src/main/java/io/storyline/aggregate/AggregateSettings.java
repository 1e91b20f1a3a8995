package io.storyline.aggregate;

import io.storyline.aggregate.clustering.ClusteringParameters;
import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import java.time.Duration;

/**
 * Settings of the aggregate service, read from {@code storyline.aggregate.*} (environment
 * {@code STORYLINE_AGGREGATE_*}); defaults are the values chosen on the development data.
 *
 * <table>
 * <caption>settings</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code storyline.aggregate.corroboration.threshold}</td><td>2</td>
 *     <td>independent sources at which an incident is {@code CORROBORATED}</td></tr>
 * <tr><td>{@code storyline.aggregate.join.threshold}</td><td>see {@link ClusteringParameters#defaults()}</td>
 *     <td>least similarity for an article to join an incident; higher splits more, lower merges more</td></tr>
 * <tr><td>{@code storyline.aggregate.merge.threshold}</td><td>see {@link ClusteringParameters#defaults()}</td>
 *     <td>least similarity of two incidents that one article matches for them to be merged</td></tr>
 * <tr><td>{@code storyline.aggregate.reprint.similarity}</td><td>0.8</td>
 *     <td>least share of its body's word 3-shingles (estimated by MinHash) a reprint has in common with the
 *     article it copies; 0.5..1</td></tr>
 * <tr><td>{@code storyline.aggregate.incident.max.gap}</td><td>P30D</td>
 *     <td>an article published further than this from every member of an incident does not join it</td></tr>
 * <tr><td>{@code storyline.aggregate.incident.max.age}</td><td>P60D</td>
 *     <td>an incident takes no article published this long after its first one, and retires then</td></tr>
 * <tr><td>{@code storyline.aggregate.incident.retire.after}</td><td>P30D</td>
 *     <td>an incident without a new article for this long (in publication time) retires: published
 *     {@code CLOSED} and removed from the state</td></tr>
 * <tr><td>{@code storyline.aggregate.index.postings.limit}</td><td>200</td>
 *     <td>index keys (names, terms) held by more active incidents than this are not used to find candidates</td></tr>
 * <tr><td>{@code storyline.aggregate.candidates.max}</td><td>4</td>
 *     <td>candidate incidents compared with each article</td></tr>
 * <tr><td>{@code storyline.aggregate.order.max.wait}</td><td>0 (off)</td>
 *     <td>longest an article waits in the ordering stage whatever its input's progress marks say; off by default.
 *     Articles are clustered in (record time, publication time, id) order once every input partition's progress
 *     has passed them, which is what makes the incidents the same on every run; this valve is for an upstream
 *     that has stopped for good, and every time it opens the order depends on timing again</td></tr>
 * </table>
 */
public record AggregateSettings(ClusteringParameters clustering, Duration maxWait) {

    public static final String PREFIX = StorylineConfig.PREFIX + "aggregate.";

    public static AggregateSettings from(StorylineConfig config) {
        ClusteringParameters d = ClusteringParameters.defaults();
        int corroboration = config.integer(PREFIX + "corroboration.threshold", d.corroborationThreshold());
        if (corroboration < 1) {
            throw new ConfigException(PREFIX + "corroboration.threshold must be at least 1, not " + corroboration);
        }
        double reprintSimilarity = config.decimal(PREFIX + "reprint.similarity", d.reprintSimilarity());
        if (reprintSimilarity < 0.5 || reprintSimilarity > 1) {
            throw new ConfigException(PREFIX + "reprint.similarity must be between 0.5 and 1, not "
                    + reprintSimilarity);
        }
        return new AggregateSettings(new ClusteringParameters(
                config.decimal(PREFIX + "join.threshold", d.joinThreshold()),
                config.decimal(PREFIX + "merge.threshold", d.mergeThreshold()),
                reprintSimilarity,
                days(config, "incident.max.gap", d.maxGapDays()),
                days(config, "incident.max.age", d.maxAgeDays()),
                days(config, "incident.retire.after", d.retireAfterDays()),
                positive(config, "index.postings.limit", d.postingsLimit()),
                positive(config, "candidates.max", d.maxCandidates()),
                d.indexTermsPerArticle(),
                d.maxIncidentTerms(),
                d.maxIncidentEntities(),
                corroboration,
                d.rankedEntities()),
                notNegative(config, "order.max.wait", Duration.ZERO));
    }

    private static Duration positive(StorylineConfig config, String name, Duration defaultValue) {
        Duration value = config.duration(PREFIX + name, defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException(PREFIX + name + " must be a positive duration, not " + value);
        }
        return value;
    }

    private static Duration notNegative(StorylineConfig config, String name, Duration defaultValue) {
        Duration value = config.duration(PREFIX + name, defaultValue);
        if (value.isNegative()) {
            throw new ConfigException(PREFIX + name + " must not be negative, not " + value);
        }
        return value;
    }

    private static double days(StorylineConfig config, String name, double defaultDays) {
        return positive(config, name, Duration.ofMinutes(Math.round(defaultDays * 24 * 60))).toMinutes()
                / (24 * 60d);
    }

    private static int positive(StorylineConfig config, String name, int defaultValue) {
        int value = config.integer(PREFIX + name, defaultValue);
        if (value < 1) {
            throw new ConfigException(PREFIX + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
