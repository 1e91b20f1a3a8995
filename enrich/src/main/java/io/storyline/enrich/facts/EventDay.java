package io.storyline.enrich.facts;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The day an article's own words give its event, where the sentences say better than enrich's estimate. First the
 * day named in a sentence that counts the casualties ("A man was shot and killed Saturday"): the sentence
 * reporting what happened dates it better than the day an article names most (a court date, an arrest). First the
 * killed and the injured figure's sentences, the earlier first, since a later one may be an update ("the toll rose
 * to seven on Wednesday"); then the lead's other sentences that count someone (the headline may carry the figure
 * and the lead restate it with its day). A day after publication is no event's, nor one a later step of the story
 * takes place on ("was charged Wednesday in the fatal stabbing", "a memorial will be held Monday"). Second, when the
 * estimate itself is such a day or a page's stamp ("(Published Friday, May 2)", "Updated: May 2"), the first
 * other day the lead names.
 */
final class EventDay {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T.*)?");
    /**
     * Words just before a day that make it the day of a later step: an arrest, a charge, a court, a vigil, or the
     * report itself ("police said Sunday", "a review is underway Friday"), or a photo's ("the barn is pictured
     * Monday").
     */
    private static final Pattern LATER_STEP = Pattern.compile("(?i)\\b(?:arrested|arrest|charged|booked|arraigned|"
            + "court|hearing|sentenced|indicted|vigil|funeral|memorial|rally|surgery|identified|released|"
            + "announced|will|held|said|says|confirmed|reported|underway|discharged|filed|surrendered|waived|"
            + "appeared|shown|pictured|photographed)\\b[^.;]{0,20}$");
    /**
     * The same words just after a day that opens the sentence: "On Friday, prosecutors announced charges" (but "a man
     * was killed Saturday, police said" is the killing's day).
     */
    private static final Pattern LATER_STEP_AFTER = Pattern.compile("(?i)^[^.;]{0,50}?\\b(?:arrested|charged|"
            + "announced|said|says|confirmed|reported|filed|released|identified)\\b");
    private static final Pattern OPENING = Pattern.compile("(?i)\\W*(?:on |early |late )?");
    /** A page's stamp of its publication or update, not a sentence of the story. */
    private static final Pattern STAMP = Pattern.compile("(?i)^\\W*(?:published|updated|posted|update\\b|by:?\\s)");
    private static final int LOOK_BACK = 40;
    /**
     * What makes a time's day the text's own: a clock time alone ("around 11 p.m.") takes its day from where the
     * time reader anchors it, which is a guess.
     */
    private static final Pattern NAMES_A_DAY = Pattern.compile("(?i)\\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
            + "yesterday|today|tonight|last night|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\\d/\\d");

    private EventDay() {
    }

    /** The first day named in a sentence that counts the casualties, or null. */
    static DateMention inToll(ArticleToll.Toll toll, List<Casualty> casualties, List<DateMention> dates, Article article,
                          int firstBody) {
        Set<Sentence> counted = new LinkedHashSet<>();
        Stream.of(toll.killed(), toll.injured())
                .filter(f -> f != null && !f.inferred() && !f.sentence().headline())
                .map(ArticleToll.Figure::sentence)
                .sorted(Comparator.comparingInt(Sentence::index)).forEach(counted::add);
        casualties.stream().map(Casualty::sentence)
                .filter(s -> !s.headline() && s.index() < firstBody + ArticleToll.LEAD_SENTENCES)
                .sorted(Comparator.comparingInt(Sentence::index)).forEach(counted::add);
        return first(new ArrayList<>(counted), dates, article);
    }

    /**
     * The first day the lead's body sentences name, when enrich's estimate ({@code estimated}, the offset of its
     * mention) is a later step's day or a stamp's; else null (the estimate stands).
     */
    static DateMention inLead(List<Sentence> sentences, List<DateMention> dates, Article article, int firstBody,
                              int estimated) {
        boolean replaced = false;
        for (DateMention mention : dates) {
            if (mention.start() == estimated) {
                Sentence sentence = Sentences.containing(sentences, mention.start());
                replaced = sentence != null && laterStep(sentence, mention);
                break;
            }
        }
        return !replaced ? null : first(sentences.subList(Math.min(firstBody, sentences.size()),
                Math.min(firstBody + ArticleToll.LEAD_SENTENCES, sentences.size())), dates, article);
    }

    private static DateMention first(List<Sentence> sentences, List<DateMention> dates, Article article) {
        for (Sentence sentence : sentences) {
            for (DateMention mention : dates) {
                // "Friday night" is a day too (2025-06-13TNI): the time of day is no reason to pass it over.
                if (sentence.holds(mention.start()) && mention.value() != null
                        && DAY.matcher(mention.value()).matches()
                        && (mention.value().length() == 10 || NAMES_A_DAY.matcher(mention.text()).find())
                        && notAfter(mention.value().substring(0, 10), article)
                        && !laterStep(sentence, mention)) {
                    return mention;
                }
            }
        }
        return null;
    }

    private static boolean laterStep(Sentence sentence, DateMention mention) {
        if (STAMP.matcher(sentence.text()).find()) {
            return true;
        }
        int end = Math.min(mention.start() - sentence.start(), sentence.text().length());
        int after = Math.min(mention.end() - sentence.start(), sentence.text().length());
        String before = sentence.text().substring(Math.max(0, end - LOOK_BACK), end);
        return LATER_STEP.matcher(before).find() || OPENING.matcher(sentence.text().substring(0, end)).matches()
                && LATER_STEP_AFTER.matcher(sentence.text().substring(after)).find();
    }


    private static boolean notAfter(String day, Article article) {
        LocalDate published = article.publishedDate();
        return published == null || !LocalDate.parse(day).isAfter(published);
    }
}
