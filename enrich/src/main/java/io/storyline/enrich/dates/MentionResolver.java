package io.storyline.enrich.dates;

import io.storyline.common.article.DateMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves the expressions the grammar found in one text against an anchor date, in reading order, so that each
 * can refer to the date mentioned before it.
 */
final class MentionResolver {


    /** How far back a quarter still counts as the period a report is about. */
    private static final int REPORTED_QUARTER_SENTENCES = 3;

    private final Lexicon lexicon;
    private final TenseDetector tenses;

    MentionResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.tenses = new TenseDetector(lexicon);
    }

    List<ResolvedMention> resolve(TokenizedText text, List<Match> matches, LocalDate anchor) {
        List<ResolvedMention> out = new ArrayList<>(matches.size());
        Moment reference = null;
        int referenceToken = -1;
        Moment quarter = null;
        int quarterToken = -1;
        for (Match match : matches) {
            Tense tense = tenses.tenseAround(text, match.start(), match.end());
            boolean nearby = reference != null && text.withinPreviousSentence(referenceToken, match.start());
            Moment reported = quarter != null && text.sentencesApart(quarterToken, match.start()) <= REPORTED_QUARTER_SENTENCES
                    ? quarter : null;
            boolean inSentence = reference != null && text.sentencesApart(referenceToken, match.start()) == 0;
            Resolved resolved = match.resolution().resolve(new Context(anchor, tense, reference, nearby, reported,
                    inSentence));
            if (resolved == null) {
                continue;
            }
            int start = text.get(match.start()).start();
            int end = text.get(match.end() - 1).end();
            DateMention mention = new DateMention(text.text.substring(start, end), start, end, resolved.value(),
                    resolved.type());
            out.add(new ResolvedMention(mention, resolved.moment(), tense, match.explicitYear(),
                    reporting(text, match.start(), match.end()), match.start()));
            if (resolved.moment() != null && !match.anaphoric()) {
                reference = resolved.moment();
                referenceToken = match.start();
                Granularity g = reference.granularity();
                if (g == Granularity.QUARTER || g == Granularity.HALF) {
                    quarter = reference;
                    quarterToken = match.start();
                }
            }
        }
        return out;
    }

    /** A reporting verb just before ("said Thursday", "said on Thursday") or right after ("Thursday said"). */
    private boolean reporting(TokenizedText text, int start, int end) {
        for (int i = Math.max(0, start - 3); i < start; i++) {
            if (lexicon.inList("reporting-verbs", text.word(i))) {
                return true;
            }
        }
        return lexicon.inList("reporting-verbs", text.word(end));
    }
}
