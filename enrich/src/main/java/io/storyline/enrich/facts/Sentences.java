package io.storyline.enrich.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an article into sentences for the fact reader: the headline first, then each line of the body cut after
 * a full stop, question or exclamation mark that ends a sentence (not one of a title, an initial, a state's
 * abbreviation or "a.m.").
 */
final class Sentences {

    private static final Pattern CANDIDATE_END = Pattern.compile("[.!?][\"”’')]*\\s+(?=[\"“‘(]?[\\p{Lu}\\d])");
    private static final Pattern SITE_SUFFIX = Pattern.compile(" [-–—] (?=[^-–—]*(?:News|\\.com|Weather|Sports|"
            + "\\b[KW][A-Z]{2,3}\\b|Radio|TV\\b)[^-–—]*$)");
    private static final Pattern LAST_WORD = Pattern.compile("(\\S+)$");
    private static final Set<String> ABBREVIATIONS = Set.of("mr.", "mrs.", "ms.", "dr.", "st.", "sgt.", "lt.",
            "capt.", "col.", "gen.", "gov.", "sen.", "rep.", "det.", "ofc.", "cpl.", "sr.", "jr.", "ave.", "rd.",
            "blvd.", "mt.", "ft.", "no.", "vs.", "u.s.", "u.k.", "a.m.", "p.m.", "jan.", "feb.", "aug.", "sept.",
            "sep.", "oct.", "nov.", "dec.", "inc.", "co.", "corp.", "dept.", "ala.", "ariz.", "ark.", "calif.",
            "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.", "ky.", "la.", "md.", "mass.", "mich.",
            "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "okla.", "ore.", "pa.", "tenn.", "vt.", "va.",
            "wash.", "wis.", "wyo.", "d.c.", "n.y.", "n.j.", "n.c.", "s.c.", "n.m.", "n.h.", "n.d.", "s.d.",
            "r.i.", "w.va.");

    private Sentences() {
    }

    static List<Sentence> of(String title, String body) {
        List<Sentence> out = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            out.add(new Sentence(0, headline(title), -1));
        }
        if (body == null) {
            return out;
        }
        int lineStart = 0;
        while (lineStart <= body.length()) {
            int lineEnd = body.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = body.length();
            }
            split(body, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /**
     * A web page's title without the site name it often ends with ("… - WAFB 9 News Baton Rouge, Louisiana News,
     * Weather, Sports", "… | WBTV Charlotte"): the site's home town is not the event's place.
     */
    static String headline(String title) {
        String t = title.strip();
        int bar = t.indexOf(" | ");
        if (bar > 0) {
            t = t.substring(0, bar);
        }
        Matcher site = SITE_SUFFIX.matcher(t);
        return site.find() && site.start() > 0 ? t.substring(0, site.start()).strip() : t;
    }

    /** The body sentence holding a body offset, or null. */
    static Sentence containing(List<Sentence> sentences, int offset) {
        for (Sentence sentence : sentences) {
            if (sentence.holds(offset)) {
                return sentence;
            }
        }
        return null;
    }

    private static void split(String body, int from, int to, List<Sentence> out) {
        String line = body.substring(from, to);
        Matcher end = CANDIDATE_END.matcher(line);
        int start = 0;
        while (end.find()) {
            if (endsSentence(line.substring(start, end.start() + 1))) {
                add(body, from + start, from + end.end(), out);
                start = end.end();
            }
        }
        add(body, from + start, to, out);
    }

    private static boolean endsSentence(String upToStop) {
        Matcher last = LAST_WORD.matcher(upToStop);
        if (!last.find()) {
            return true;
        }
        String word = last.group(1).toLowerCase(java.util.Locale.ROOT);
        // An initial ("John F. Kennedy") or a listed abbreviation does not end the sentence.
        return !(ABBREVIATIONS.contains(word) || word.matches("\\p{L}\\."));
    }

    private static void add(String body, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(out.size(), body.substring(start, end), start));
        }
    }
}
