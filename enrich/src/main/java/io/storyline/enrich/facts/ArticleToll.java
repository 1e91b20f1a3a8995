package io.storyline.enrich.facts;

import io.storyline.enrich.facts.Casualty.Kind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An article's own toll from the counts its sentences state. The lead (the headline and the first body sentences)
 * reports the event the article is about; later sentences also recall earlier events, so a count found in the lead
 * wins, the highest there (a lead that says "two shot" and then "three shot" reports a toll that rose); only for a
 * kind the lead does not count does the highest count further down stand.
 *
 * <p>Injured are reported as such ("four wounded") or as the hit less the killed ("five people were shot, two
 * died": three injured), whichever is more. A report that counts one kind and says nothing of the other reports
 * none of it ("a man was shot and wounded": no one killed); a report that counts neither reports no toll.
 */
final class ArticleToll {

    /** Headline plus this many body sentences. */
    static final int LEAD_SENTENCES = 4;

    /** A count and the sentence it comes from; {@code inferred}: said by silence, not by the sentence. */
    record Figure(int count, Sentence sentence, boolean inferred) {
    }

    record Toll(Figure killed, Figure injured) {
    }

    private ArticleToll() {
    }

    static Toll of(List<Casualty> casualties, int firstBodySentence) {
        int leadEnd = firstBodySentence + LEAD_SENTENCES;
        Optional<Casualty> killed = pick(casualties, Kind.KILLED, leadEnd);
        Optional<Casualty> death = pick(casualties, Kind.DEATH, leadEnd);
        Optional<Casualty> hit = pick(casualties, Kind.HIT, leadEnd);
        Optional<Casualty> injured = pick(casualties, Kind.INJURED, leadEnd);
        Figure k = killed.map(ArticleToll::figure).orElse(null);
        if (death.isPresent() && (k == null || (k.count() < death.get().count()
                && inLead(death.get(), leadEnd) && !inLead(killed.get(), leadEnd)))) {
            k = figure(death.get());
        }
        Figure i = injured.map(ArticleToll::figure).orElse(null);
        if (hit.isPresent()) {
            int hitInjured = hit.get().count() - (k == null ? 0 : k.count());
            if (hitInjured >= 0 && (i == null || hitInjured > i.count())) {
                // "A man was shot; he died": none left injured, but only as silence says it, not a sentence.
                i = new Figure(hitInjured, hit.get().sentence(), hitInjured == 0);
            }
        }
        if (k == null && i != null) {
            k = new Figure(0, i.sentence(), true);
        } else if (i == null && k != null) {
            i = new Figure(0, k.sentence(), true);
        }
        return new Toll(k, i);
    }

    private static Optional<Casualty> pick(List<Casualty> casualties, Kind kind, int leadEnd) {
        Optional<Casualty> lead = casualties.stream()
                .filter(c -> c.kind() == kind && inLead(c, leadEnd))
                .max(Comparator.comparingInt(Casualty::count)
                        .thenComparing(c -> -c.sentence().index()));
        if (lead.isPresent()) {
            return lead;
        }
        return casualties.stream()
                .filter(c -> c.kind() == kind && c.count() > 0)
                .max(Comparator.comparingInt(Casualty::count).thenComparing(c -> -c.sentence().index()));
    }

    private static boolean inLead(Casualty c, int leadEnd) {
        return c.sentence().index() < leadEnd;
    }

    private static Figure figure(Casualty c) {
        return new Figure(c.count(), c.sentence(), false);
    }
}
