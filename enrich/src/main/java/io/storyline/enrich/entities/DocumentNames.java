package io.storyline.enrich.entities;

import io.storyline.common.article.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one article teaches about its own names, applied across all its sentences: a name tagged once is the same
 * name where the tagger missed it, a surname alone refers to the full name used elsewhere in the article ("Starmer"
 * is "Keir Starmer"), and an acronym in brackets after a name stands for that name.
 */
final class DocumentNames {

    private static final Set<String> PROPAGATED = Set.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.LOCATION);

    private final Gazetteer gazetteer;

    DocumentNames(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Adds the mentions the article's own names reveal and settles every mention's canonical name. */
    void resolve(List<List<Token>> sentences, List<List<Mention>> mentions) {
        Map<String, String> surnames = surnames(sentences, mentions);
        propagate(sentences, mentions, surnames);
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> tokens = sentences.get(s);
            List<Mention> sentence = mentions.get(s);
            expandAcronyms(tokens, sentence);
            for (int m = 0; m < sentence.size(); m++) {
                sentence.set(m, canonical(tokens, sentence.get(m), surnames));
            }
        }
        unshout(sentences, mentions);
    }

    /**
     * A name in capitals ("ANTWERP, Belgium —" in a dateline) is the same entity as the name the article writes
     * normally elsewhere, so it takes that mention's type and canonical name. Acronyms (NATO) have no such twin
     * and stay as they are.
     */
    private static void unshout(List<List<Token>> sentences, List<List<Mention>> mentions) {
        Map<String, Mention> written = new HashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            for (Mention mention : mentions.get(s)) {
                String text = text(sentences.get(s), mention);
                if (!isShouted(text) && mention.canonical() != null) {
                    written.putIfAbsent(mention.canonical().toLowerCase(Locale.ROOT), mention);
                }
            }
        }
        for (int s = 0; s < sentences.size(); s++) {
            List<Mention> sentence = mentions.get(s);
            for (int m = 0; m < sentence.size(); m++) {
                Mention mention = sentence.get(m);
                String text = text(sentences.get(s), mention);
                Mention twin = isShouted(text) ? written.get(text.toLowerCase(Locale.ROOT)) : null;
                if (twin != null) {
                    sentence.set(m, new Mention(mention.start(), mention.end(), twin.type(), twin.subtype(),
                            twin.canonical(), twin.country()));
                }
            }
        }
    }

    static boolean isShouted(String text) {
        return text.length() > 1 && text.equals(text.toUpperCase(Locale.ROOT)) && !text.equals(text.toLowerCase(Locale.ROOT));
    }

    /**
     * The last word of every multi-word person name, mapped to that full name; a surname two different people in
     * the article share maps to nothing.
     */
    private static Map<String, String> surnames(List<List<Token>> sentences, List<List<Mention>> mentions) {
        Map<String, String> out = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            for (Mention mention : mentions.get(s)) {
                if (EntityType.PERSON.equals(mention.type()) && mention.end() - mention.start() > 1) {
                    String full = text(sentences.get(s), mention);
                    String surname = sentences.get(s).get(mention.end() - 1).word();
                    String before = out.putIfAbsent(surname, full);
                    if (before != null && !before.equals(full) && !before.endsWith(" " + full)
                            && !full.endsWith(" " + before)) {
                        shared.add(surname);
                    } else if (before != null && full.length() > before.length()) {
                        out.put(surname, full);
                    }
                }
            }
        }
        shared.forEach(out::remove);
        return out;
    }

    /** Untagged occurrences of names the article tagged elsewhere, and of known surnames, become mentions. */
    private static void propagate(List<List<Token>> sentences, List<List<Mention>> mentions,
                                  Map<String, String> surnames) {
        Map<String, String> majority = majorityTypes(sentences, mentions);
        PhraseTable<String> names = new PhraseTable<>(false);
        majority.forEach(names::add);
        surnames.keySet().forEach(surname -> names.add(surname, EntityType.PERSON));
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> tokens = sentences.get(s);
            List<Mention> sentence = mentions.get(s);
            for (int m = 0; m < sentence.size(); m++) {
                Mention mention = sentence.get(m);
                String type = majority.get(text(tokens, mention));
                if (type != null && mention.canonical() == null && !type.equals(mention.type())) {
                    sentence.set(m, mention.withType(type));
                }
            }
            boolean[] taken = new boolean[tokens.size()];
            for (Mention mention : sentence) {
                for (int k = mention.start(); k < mention.end(); k++) {
                    taken[k] = true;
                }
            }
            int i = 0;
            while (i < tokens.size()) {
                PhraseTable.Match<String> match = tokens.get(i).isCapitalised() ? names.longestAt(tokens, i) : null;
                if (match != null && free(taken, match.start(), match.end())) {
                    sentence.add(new Mention(match.start(), match.end(), match.value(), null, null, null));
                    i = match.end();
                } else {
                    i++;
                }
            }
            sentence.sort(Comparator.comparingInt(Mention::start));
        }
    }

    /**
     * The type the tagger gave each name most often in the article (the first on a tie): one name is one entity
     * throughout an article, and most of its mentions are tagged right.
     */
    private static Map<String, String> majorityTypes(List<List<Token>> sentences, List<List<Mention>> mentions) {
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            for (Mention mention : mentions.get(s)) {
                if (PROPAGATED.contains(mention.type())) {
                    votes.computeIfAbsent(text(sentences.get(s), mention), t -> new LinkedHashMap<>())
                            .merge(mention.type(), 1, Integer::sum);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        votes.forEach((name, counts) -> {
            String best = null;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                if (best == null || entry.getValue() > counts.get(best)) {
                    best = entry.getKey();
                }
            }
            out.put(name, best);
        });
        return out;
    }

    /** "Terminal High Altitude Area Defense (THAAD)": the bracketed acronym takes the name's type and canonical. */
    private static void expandAcronyms(List<Token> tokens, List<Mention> sentence) {
        for (int m = 0; m + 1 < sentence.size(); m++) {
            Mention name = sentence.get(m);
            Mention next = sentence.get(m + 1);
            boolean bracketed = name.end() + 1 == next.start() && next.end() < tokens.size()
                    && tokens.get(name.end()).word().equals("(") && tokens.get(next.end()).word().equals(")");
            if (bracketed && next.end() - next.start() == 1 && !name.type().equals(EntityType.PERSON)
                    && initialsMatch(tokens, name, tokens.get(next.start()).word())) {
                String canonical = name.canonical() != null ? name.canonical() : text(tokens, name);
                sentence.set(m + 1, new Mention(next.start(), next.end(), name.type(), name.subtype(), canonical,
                        name.country()));
            }
        }
    }

    private static boolean initialsMatch(List<Token> tokens, Mention name, String acronym) {
        StringBuilder initials = new StringBuilder();
        for (int k = name.start(); k < name.end(); k++) {
            String word = tokens.get(k).word();
            if (Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        return initials.length() > 1 && initials.toString().equals(acronym);
    }

    private Mention canonical(List<Token> tokens, Mention mention, Map<String, String> surnames) {
        if (mention.canonical() != null) {
            return mention;
        }
        String text = text(tokens, mention);
        String canonical = text;
        switch (mention.type()) {
            case EntityType.PERSON -> {
                if (mention.end() - mention.start() == 1 && surnames.containsKey(text)) {
                    canonical = surnames.get(text);
                } else if (mention.end() - mention.start() > 1) {
                    String surname = tokens.get(mention.end() - 1).word();
                    String full = surnames.get(surname);
                    canonical = full != null && full.endsWith(text) ? full : text;
                }
            }
            case EntityType.ORGANIZATION -> {
                String listed = gazetteer.organizations.get(text);
                if (listed != null) {
                    canonical = listed;
                }
            }
            case EntityType.LOCATION -> {
                Place place = gazetteer.place(text);
                if (place == null && text.equals(text.toUpperCase(Locale.ROOT))) {
                    // Datelines shout: "KYIV, Ukraine —".
                    place = gazetteer.place(titleCase(text));
                }
                if (place != null) {
                    return mention.withPlace(place).withSubtype(
                            mention.subtype() != null ? mention.subtype() : place.subtype());
                }
            }
            default -> {
            }
        }
        return mention.withCanonical(canonical);
    }

    static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean wordStart = true;
        for (char c : upper.toCharArray()) {
            out.append(wordStart ? c : Character.toLowerCase(c));
            wordStart = !Character.isLetter(c);
        }
        return out.toString();
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int k = start; k < end; k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }

    static String text(List<Token> tokens, Mention mention) {
        List<String> words = new ArrayList<>();
        for (int k = mention.start(); k < mention.end(); k++) {
            words.add(tokens.get(k).word());
        }
        return String.join(" ", words);
    }
}
