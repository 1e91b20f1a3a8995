/**
 * Dates in articles: Storyline's own rule-based TIMEX3 tagger and normaliser, and the event-date estimate.
 *
 * <p>How a text is read, in order:
 * <ol>
 *   <li>{@link io.storyline.enrich.dates.Tokenizer} cuts it into tokens with exact offsets, and
 *       {@link io.storyline.enrich.dates.TokenizedText} into sentences;</li>
 *   <li>{@link io.storyline.enrich.dates.Grammar} finds the expressions: at each token the rule families
 *       ({@code CalendarRules}, {@code RelativeRules}, {@code DurationRules}, {@code ClockRules}, {@code SetRules},
 *       {@code PhraseRules}) propose matches and the longest wins; what a match means is kept as a
 *       {@link io.storyline.enrich.dates.Resolution}, not yet a value;</li>
 *   <li>{@link io.storyline.enrich.dates.MentionResolver} resolves them in reading order against the anchor date,
 *       the tense of their clause ({@link io.storyline.enrich.dates.TenseDetector}) and the date mentioned just
 *       before, into {@link io.storyline.enrich.dates.Moment}s written as TIMEX3 values;</li>
 *   <li>{@link io.storyline.enrich.dates.DocumentDate} dates a document whose publication date is only a record
 *       timestamp, and {@link io.storyline.enrich.dates.EventDateEstimator} picks the day the news is about.</li>
 * </ol>
 *
 * <p>The words the rules know live in resources next to these classes, not in code: {@code lexicon.tsv} (months,
 * weekdays, numbers, units, seasons, parts of day), {@code phrases.tsv} (fixed expressions), {@code holidays.tsv},
 * {@code tense.tsv} (tense cues) and {@code wordlists.txt} (context words and phrases the rules consult).
 *
 * <p>Conventions follow the TimeML/TimeBank annotation of TIMEX3: values as precise as the expression ("four years
 * ago" is a year), "N units ago" a date but "three days later" a duration, ages ("42-year-old") and rates ("$2
 * million a year") no time at all.
 */
package io.storyline.enrich.dates;
