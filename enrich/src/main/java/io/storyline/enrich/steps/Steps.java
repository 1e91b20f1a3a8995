package io.storyline.enrich.steps;

import io.storyline.common.article.EnrichmentError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment of one article, step by step, so that one step's failure costs the article only that step's part.
 * Every step (names, places, weapons, dates, event date, signature, and any step added later) runs through
 * {@link #run}: when it throws, the step's part is left empty, the failure is noted as an {@link EnrichmentError}
 * for the record, and one warning line is logged; the article goes on. A step that runs in several places (per
 * sentence, say) is noted once, at its first failure, and keeps what it found elsewhere.
 *
 * <p>Only defects of the code are caught ({@link RuntimeException}, and {@link StackOverflowError}, which deep
 * input can provoke); an {@link OutOfMemoryError} or a linkage error still ends the process, which the platform
 * restarts. {@link #unguarded()} lets every failure through, for the evaluation tools and tests that want to see a
 * defect rather than an empty part.
 *
 * <p>One instance per article, used by one thread.
 */
public final class Steps {

    public static final String NAMES = "names";
    public static final String PLACES = "places";
    public static final String WEAPONS = "weapons";
    public static final String DATES = "dates";
    public static final String EVENT_DATE = "event_date";
    public static final String SIGNATURE = "signature";
    public static final String FACTS = "facts";

    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);
    private static final int MAX_REASON = 300;

    private final String articleId;
    private final boolean guarded;
    private final Map<String, EnrichmentError> failures = new LinkedHashMap<>();

    private Steps(String articleId, boolean guarded) {
        this.articleId = articleId;
        this.guarded = guarded;
    }

    /** Steps of the article with id {@code articleId}, whose failures are caught and noted. */
    public static Steps of(String articleId) {
        return new Steps(articleId, true);
    }

    /** Steps whose failures propagate to the caller. */
    public static Steps unguarded() {
        return new Steps(null, false);
    }

    /**
     * @param step  the step's name, as the record and the metrics show it
     * @param empty what the step yields when it fails: its part, empty
     * @return what {@code work} yields, or {@code empty} when it failed
     */
    public <T> T run(String step, T empty, Supplier<T> work) {
        if (!guarded) {
            return work.get();
        }
        try {
            return work.get();
        } catch (RuntimeException | StackOverflowError e) {
            failed(step, e);
            return empty;
        }
    }

    /** A step that changes what earlier steps found in place; whether it completed (else the caller undoes it). */
    public boolean run(String step, Runnable work) {
        return run(step, false, () -> {
            work.run();
            return true;
        });
    }

    /** The steps that failed, in the order they first did; null when none did (the record then has no field). */
    public List<EnrichmentError> errors() {
        return failures.isEmpty() ? null : new ArrayList<>(failures.values());
    }

    private void failed(String step, Throwable failure) {
        if (failures.containsKey(step)) {
            return;
        }
        String reason = reason(failure);
        failures.put(step, new EnrichmentError(step, reason));
        LOG.warn("enrich: step {} failed on article {}; the article goes on without it: {}", step, articleId, reason);
        LOG.debug("enrich: step {} failed on article {}", step, articleId, failure);
    }

    /** One line: the exception's kind and message, bounded. */
    static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String reason = (failure.getClass().getSimpleName() + message).replaceAll("\\s+", " ").strip();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
