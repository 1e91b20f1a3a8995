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
 * The day named in a sentence that counts the casualties ("A man was shot and killed Saturday"): the sentence
 * reporting what happened dates it better than the day an article names most (a court date, an arrest). First the
 * killed and the injured figure's sentences, the earlier first, since a later one may be an update ("the toll rose
 * to seven on Wednesday"); then the lead's other sentences that count someone (the headline may carry the figure
 * and the lead restate it with its day). A day after publication is no event's, nor one a later step of the story
 * takes place on ("was charged Wednesday in the fatal stabbing", "a memorial will be held Monday").
 */
final class TollDay {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T.*)?");
    /**
     * Words just before a day that make it the day of a later step: an arrest, a charge, a court, a vigil, or the
     * report itself ("police said Sunday", "a review is underway Friday").
     */
    private static final Pattern LATER_STEP = Pattern.compile("(?i)\\b(?:arrested|arrest|charged|booked|arraigned|"
            + "court|hearing|sentenced|indicted|vigil|funeral|memorial|rally|surgery|identified|released|"
            + "announced|will|held|said|says|confirmed|reported|underway)\\b[^.;]{0,20}$");
    private static final int LOOK_BACK = 40;
    /**
     * What makes a time's day the text's own: a clock time alone ("around 11 p.m.") takes its day from where the
     * time reader anchors it, which is a guess.
     */
    private static final Pattern NAMES_A_DAY = Pattern.compile("(?i)\\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
            + "yesterday|today|tonight|last night|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\\d/\\d");

    private TollDay() {
    }

    static DateMention of(ArticleToll.Toll toll, List<Casualty> casualties, List<DateMention> dates, Article article,
                          int firstBody) {
        Set<Sentence> counted = new LinkedHashSet<>();
        Stream.of(toll.killed(), toll.injured())
                .filter(f -> f != null && !f.inferred() && !f.sentence().headline())
                .map(ArticleToll.Figure::sentence)
                .sorted(Comparator.comparingInt(Sentence::index)).forEach(counted::add);
        casualties.stream().map(Casualty::sentence)
                .filter(s -> !s.headline() && s.index() < firstBody + ArticleToll.LEAD_SENTENCES)
                .sorted(Comparator.comparingInt(Sentence::index)).forEach(counted::add);
        for (Sentence sentence : new ArrayList<>(counted)) {
            for (DateMention mention : dates) {
                // "Friday night" is a day too (2025-06-13TNI): the time of day is no reason to pass it over.
                if (mention.start() >= sentence.start() && mention.start() < sentence.end() && mention.value() != null
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
        int end = mention.start() - sentence.start();
        String before = sentence.text().substring(Math.max(0, end - LOOK_BACK), Math.min(end, sentence.text().length()));
        return LATER_STEP.matcher(before).find();
    }

    private static boolean notAfter(String day, Article article) {
        LocalDate published = article.publishedDate();
        return published == null || !LocalDate.parse(day).isAfter(published);
    }
}
