package io.storyline.enrich.entities;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Names whose parts a hyphen joins ("Etats-Unis", "La Chaux-de-Fonds", "Paul-Emile Bonjour") reach the tagger as
 * separate tokens when the text sets the hyphen apart (OCR, tokenised corpora: "Etats - Unis"), and the CRF then
 * tags a piece or two of them. A mention followed by a hyphen and a capitalised word, or by a particle between two
 * hyphens ("- de -"), runs on to the end of the hyphenated name and takes in the mentions inside it. French only:
 * a German hyphen joins a name to a common noun ("CDU-Fraktion"), which is no longer the name.
 */
final class HyphenatedNames {

    /** Lower-case words that join the parts of French compound place names ("Saint-Jean-de-Luz"). */
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "sur", "en", "et",
            "lès", "aux");

    private HyphenatedNames() {
    }

    static void join(List<Token> tokens, List<Mention> mentions) {
        mentions.sort(Comparator.comparingInt(Mention::start));
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = mentions.get(m);
            int end = hyphenatedEnd(tokens, mention.end());
            if (end == mention.end()) {
                continue;
            }
            for (Mention other : mentions) {
                if (other.start() < end) {
                    end = Math.max(end, other.end());
                }
            }
            int last = end;
            mentions.removeIf(other -> other != mention && other.start() >= mention.start() && other.start() < last);
            mentions.set(mentions.indexOf(mention), new Mention(mention.start(), end, mention.type(), null, null, null));
        }
    }

    private static int hyphenatedEnd(List<Token> tokens, int end) {
        int k = end;
        while (k + 1 < tokens.size() && tokens.get(k).word().equals("-")) {
            Token next = tokens.get(k + 1);
            if (next.isCapitalised()) {
                end = k + 2;
                k = end;
            } else if (PARTICLES.contains(next.word()) && k + 3 < tokens.size() && tokens.get(k + 2).word().equals("-")
                    && tokens.get(k + 3).isCapitalised()) {
                end = k + 4;
                k = end;
            } else {
                break;
            }
        }
        return end;
    }
}
