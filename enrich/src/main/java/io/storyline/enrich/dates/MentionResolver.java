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

    private static final Set<String> REPORTING = Set.of("said", "says", "told", "announced", "reported", "stated",
            "added", "confirmed", "claimed", "tweeted", "wrote", "declared", "acknowledged", "insisted", "noted");

    private final TenseDetector tenses;

    MentionResolver(TenseDetector tenses) {
        this.tenses = tenses;
    }

    List<ResolvedMention> resolve(TokenizedText text, List<Match> matches, LocalDate anchor) {
        List<ResolvedMention> out = new ArrayList<>(matches.size());
        Moment reference = null;
        int referenceToken = -1;
        for (Match match : matches) {
            Tense tense = tenses.tenseAround(text, match.start(), match.end());
            boolean nearby = reference != null && text.withinPreviousSentence(referenceToken, match.start());
            Resolved resolved = match.resolution().resolve(new Context(anchor, tense, reference, nearby));
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
            }
        }
        return out;
    }

    /** A reporting verb just before ("said Thursday", "said on Thursday") or right after ("Thursday said"). */
    private static boolean reporting(TokenizedText text, int start, int end) {
        for (int i = Math.max(0, start - 3); i < start; i++) {
            if (REPORTING.contains(text.word(i))) {
                return true;
            }
        }
        return REPORTING.contains(text.word(end));
    }
}
