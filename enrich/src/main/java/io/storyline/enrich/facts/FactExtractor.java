package io.storyline.enrich.facts;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.common.facts.KeyFacts;
import io.storyline.enrich.language.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what an article reports of its event: how many were killed and injured, where it happened and when,
 * each with the sentence that says so. A step of its own after entities and dates (it reads both): the killed
 * and injured from the counts the sentences state ({@link CasualtyMentions}, {@link ArticleToll}), the place from
 * the dateline, the lead and the located entities ({@link EventPlace}), the date from enrich's event-date
 * estimate. Thread-safe once built; the tables it reads load once per process.
 */
public final class FactExtractor {

    /** Evidence sentences are cut to this many characters: enough to read, bounded on every record. */
    static final int EVIDENCE_LENGTH = 300;
    static final String FROM_PUBLICATION = "(no date in the text: the publication date)";
    static final String FROM_OUTLET = "(no place in the text: where the outlet is) ";

    private final CasualtyMentions casualties = new CasualtyMentions();
    private final EventPlace places = new EventPlace(UsGeography.shared());
    private final OutletPlace outlets = new OutletPlace(UsGeography.shared());

    /**
     * @param entities  the entities enrich found in the body
     * @param dates     the date mentions enrich resolved in the body
     * @param eventDate enrich's estimate of the event's day, or null
     * @param language  the language the article was read in: the casualty counts are read by rules of English
     *                  ("two were killed"), which another language's text must not be put through; its place and
     *                  date come from its entities and dates, read in its own language
     */
    public KeyFacts extract(Article article, List<Entity> entities, List<DateMention> dates, EventDate eventDate,
                            Language language) {
        List<Sentence> sentences = Sentences.of(article.title(), article.body());
        int firstBody = article.title() == null || article.title().isBlank() ? 0 : 1;
        List<Casualty> found = new ArrayList<>();
        java.util.Set<Integer> recalled = RecalledSentences.of(sentences, dates, article.publishedDate());
        for (Sentence sentence : sentences) {
            if (language == Language.ENGLISH && !recalled.contains(sentence.index())) {
                found.addAll(casualties.find(sentence));
            }
        }
        ArticleToll.Toll toll = ArticleToll.of(found, firstBody);
        EventPlace.Found place = places.find(sentences, firstBody, entities);
        List<KeyFacts.Evidence> evidence = new ArrayList<>();
        Integer killed = figure(KeyFacts.KILLED, toll.killed(), evidence);
        Integer injured = figure(KeyFacts.INJURED, toll.injured(), evidence);
        DateMention told = EventDay.inToll(toll, found, dates, article, firstBody);
        // A day the toll's sentence names is stated; any other is an estimate (its evidence says "inferred").
        boolean stated = told != null;
        if (told == null && eventDate != null && eventDate.start() >= 0) {
            told = EventDay.inLead(sentences, dates, article, firstBody, eventDate.start());
        }
        String date = told != null ? told.value().substring(0, 10)
                : eventDate == null || eventDate.value() == null || eventDate.value().length() != 10 ? null
                : eventDate.value();
        if (date != null) {
            int at = told != null ? told.start() : eventDate.start();
            Sentence said = at < 0 ? null : Sentences.containing(sentences, at);
            evidence.add(new KeyFacts.Evidence(KeyFacts.DATE, date,
                    said == null ? FROM_PUBLICATION : cut(said.text()), null, stated ? null : KeyFacts.Evidence.INFERRED));
        }
        KeyFacts.Place where = place == null ? null : place.place();
        if (place != null) {
            evidence.add(new KeyFacts.Evidence(KeyFacts.PLACE, describe(where), cut(place.sentence().text()),
                    null, place.guessed() ? KeyFacts.Evidence.INFERRED : null));
        } else if (language == Language.ENGLISH && (where = outlets.of(article.url())) != null) {
            evidence.add(new KeyFacts.Evidence(KeyFacts.PLACE, describe(where), cut(FROM_OUTLET + article.url()), null,
                    KeyFacts.Evidence.INFERRED));
        }
        return new KeyFacts(killed, injured, date, where, evidence);
    }

    private static Integer figure(String fact, ArticleToll.Figure figure, List<KeyFacts.Evidence> evidence) {
        if (figure == null) {
            return null;
        }
        evidence.add(new KeyFacts.Evidence(fact, Integer.toString(figure.count()), cut(figure.sentence().text()),
                null, figure.inferred() ? KeyFacts.Evidence.INFERRED : null));
        return figure.count();
    }

    /** "Bakersfield, California, United States": the place's known parts, widest last. */
    public static String describe(KeyFacts.Place place) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {place.city(), place.region(), place.country()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }


    static String cut(String sentence) {
        String s = sentence.replaceAll("\\s+", " ").strip();
        if (s.length() <= EVIDENCE_LENGTH) {
            return s;
        }
        int space = s.lastIndexOf(' ', EVIDENCE_LENGTH - 1);
        return s.substring(0, space > EVIDENCE_LENGTH / 2 ? space : EVIDENCE_LENGTH - 1) + "…";
    }
}
