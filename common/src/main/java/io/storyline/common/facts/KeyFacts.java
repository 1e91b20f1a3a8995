package io.storyline.common.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What happened, in figures: how many were killed and injured, when and where, each with the sentence that says
 * so. Enrich writes it per article ({@code facts} on {@code news.enriched}: what that article reports); aggregate
 * reconciles its members' reports into one per incident ({@code key_facts} on {@code news.incidents}). A field
 * nothing says is null, written out as null so that a rule or a board can tell "unknown" from a figure.
 *
 * @param killed   people killed, or null
 * @param injured  people injured (the killed not included), or null
 * @param date     the day the event happened, {@code YYYY-MM-DD}, or null
 * @param place    where it happened, or null
 * @param evidence the sentences the figures come from; bounded, the current figures' first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KeyFacts(Integer killed, Integer injured, String date, Place place, List<Evidence> evidence) {

    public static final String KILLED = "killed";
    public static final String INJURED = "injured";
    public static final String DATE = "date";
    public static final String PLACE = "place";

    public KeyFacts {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Nothing known. */
    public static KeyFacts none() {
        return new KeyFacts(null, null, null, null, List.of());
    }

    /** Whether no figure, date or place is known. */
    @JsonIgnore
    public boolean isEmpty() {
        return killed == null && injured == null && date == null && place == null;
    }

    /** The same figures without their evidence: what an event carries. */
    public KeyFacts withoutEvidence() {
        return new KeyFacts(killed, injured, date, place, List.of());
    }

    /** The same figures with their evidence's kind but not its sentences: what a member's ledger entry keeps. */
    public KeyFacts withoutSentences() {
        return new KeyFacts(killed, injured, date, place, evidence.stream()
                .map(e -> new Evidence(e.fact(), e.value(), null, e.articleId(), e.basis())).toList());
    }

    /** Whether the value of {@code fact} was inferred (from silence, a guess, an estimate) rather than stated. */
    public boolean inferred(String fact) {
        return evidence.stream().anyMatch(e -> fact.equals(e.fact()) && Evidence.INFERRED.equals(e.basis()));
    }

    /**
     * A place: city (or town), region (a US state, a province, an oblast; its full English name) and country
     * (canonical English name), any of them null where unknown.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Place(String city, String region, String country) {
    }

    /**
     * Why a fact has its value.
     *
     * @param fact      {@link #KILLED}, {@link #INJURED}, {@link #DATE} or {@link #PLACE}
     * @param value     the value this sentence gives ("3", "2016-07-16", "Bakersfield, California, United States")
     * @param sentence  the sentence (or headline) it comes from, trimmed to a readable length
     * @param articleId the article it comes from; null on an article's own facts
     * @param basis     null when the sentence states the value; {@link #INFERRED} for a toll of zero read from
     *                  silence: the article counts casualties of the other kind and none of this one (its sentence
     *                  is then the one with the other count), or for a place whose region no sentence writes
     *                  (a US town's most populous namesake), or for a date no sentence that counts the casualties
     *                  names (enrich's estimate)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String fact, String value, String sentence, String articleId, String basis) {

        public static final String INFERRED = "inferred";

        public Evidence(String fact, String value, String sentence, String articleId) {
            this(fact, value, sentence, articleId, null);
        }
    }
}
