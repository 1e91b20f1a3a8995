package io.storyline.enrich.dates;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the temporal expressions of one tokenised text: English's {@link Grammar}, or {@link LocalGrammar}. At each
 * token the grammar proposes its longest match; scanning goes on after it.
 */
interface ExpressionGrammar {

    /** The longest expression starting at token i, or null. */
    Match longestAt(Scan s, int i);

    /** All expressions in the text, left to right, not overlapping. */
    default List<Match> find(Scan s) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        int n = s.size();
        while (i < n) {
            Match m = s.token(i).kind() == Token.Kind.PUNCT && !s.is(i, "'") ? null : longestAt(s, i);
            if (m != null && m.end() > i && m.end() <= n) {
                out.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        return out;
    }
}
