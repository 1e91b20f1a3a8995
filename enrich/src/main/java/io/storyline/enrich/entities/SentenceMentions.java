package io.storyline.enrich.entities;

import io.storyline.common.article.EntityType;
import io.storyline.enrich.steps.Steps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Settles the mentions of one sentence from three sources, in order of trust: weapon names and designations
 * (which the CRFs misread, e.g. "Storm" of "Storm Shadow"), the CRF spans, and the gazetteers, which add what the
 * CRFs missed, correct the type of closed-class names (a country is a place, a demonym a nationality) and give
 * places their subtype and country.
 */
final class SentenceMentions {

    private static final Set<String> REGION_WORDS = Set.copyOf(Gazetteer.regionWords());

    private final Gazetteer gazetteer;
    private final WeaponMatcher weapons;
    /**
     * Whether a listed place the tagger read as an organisation or person stays as tagged: so with a model trained
     * on the language's own newswire, which learnt when a city's name names its club or its council (Spanish dev
     * micro F1 79.53 → 79.96); CoreNLP's models, trained on other conventions, are corrected by the gazetteer.
     */
    private final boolean trustTaggedNames;

    SentenceMentions(Gazetteer gazetteer, WeaponMatcher weapons) {
        this(gazetteer, weapons, false);
    }

    SentenceMentions(Gazetteer gazetteer, WeaponMatcher weapons, boolean trustTaggedNames) {
        this.gazetteer = gazetteer;
        this.weapons = weapons;
        this.trustTaggedNames = trustTaggedNames;
    }

    List<Mention> find(List<Token> tokens) {
        return find(tokens, Steps.unguarded());
    }

    /** The sentence's mentions; a failing weapon matcher or gazetteer leaves out only weapons or places. */
    List<Mention> find(List<Token> tokens, Steps steps) {
        List<Mention> found = new ArrayList<>();
        List<Mention> generic = new ArrayList<>();
        for (Mention weapon : steps.run(Steps.WEAPONS, List.<Mention>of(), () -> weapons.find(tokens))) {
            (WeaponMatcher.GENERIC.equals(weapon.subtype()) ? generic : found).add(weapon);
        }
        for (Mention tagged : taggedSpans(tokens)) {
            if (!overlapsAny(tagged, found)) {
                found.add(tagged);
            }
        }
        inPlace(steps, Steps.PLACES, found, () -> applyGazetteers(tokens, found));
        for (Mention weapon : generic) {
            if (!overlapsAny(weapon, found)) {
                found.add(weapon);
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        inPlace(steps, Steps.PLACES, found, () -> markRegions(tokens, found));
        return found;
    }

    /** Runs a step that edits {@code found}; when it fails, {@code found} is as it was before. */
    private static void inPlace(Steps steps, String step, List<Mention> found, Runnable work) {
        List<Mention> before = List.copyOf(found);
        if (!steps.run(step, work)) {
            found.clear();
            found.addAll(before);
        }
    }

    /** Maximal runs of one CRF label, as mentions without detail yet. */
    static List<Mention> taggedSpans(List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String label = tokens.get(i).label();
            int end = i + 1;
            while (end < tokens.size() && tokens.get(end).label().equals(label)) {
                end++;
            }
            if (!Token.OUTSIDE.equals(label)) {
                out.add(new Mention(i, end, typeOf(label), null, null, null));
            }
            i = end;
        }
        return out;
    }

    private static String typeOf(String label) {
        return switch (label) {
            case "PER" -> EntityType.PERSON;
            case "LOC" -> EntityType.LOCATION;
            case "ORG" -> EntityType.ORGANIZATION;
            default -> EntityType.MISC;
        };
    }

    private void applyGazetteers(List<Token> tokens, List<Mention> found) {
        int i = 0;
        while (i < tokens.size()) {
            PhraseTable.Match<Place> place = gazetteer.places.longestAt(tokens, i);
            PhraseTable.Match<Nationality> nationality = gazetteer.nationalities.longestAt(tokens, i);
            if (place == null && nationality == null) {
                place = shoutedPlace(tokens, i);
            }
            int next = i + 1;
            if (place != null && (nationality == null || place.end() >= nationality.end())) {
                if (applyPlace(place, found)) {
                    next = place.end();
                }
            } else if (nationality != null && applyNationality(nationality, found)) {
                next = nationality.end();
            }
            i = next;
        }
    }

    /**
     * A listed place written in capitals, as datelines and old newspapers' headings write them ("PARIS, 3 mars.",
     * "LONDRES"): one word of three letters or more; places that are also words stay the tagger's call.
     */
    private PhraseTable.Match<Place> shoutedPlace(List<Token> tokens, int i) {
        String word = tokens.get(i).word();
        if (word.length() < 3 || !DocumentNames.isShouted(word) || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        Place place = gazetteer.place(DocumentNames.titleCase(word));
        return place == null || place.ambiguous() ? null : new PhraseTable.Match<>(i, i + 1, place);
    }

    private boolean applyPlace(PhraseTable.Match<Place> match, List<Mention> found) {
        Place place = match.value();
        Mention listed = new Mention(match.start(), match.end(), EntityType.LOCATION, null, null, null).withPlace(place);
        List<Mention> overlapping = overlapping(match.start(), match.end(), found);
        if (overlapping.isEmpty()) {
            if (place.ambiguous()) {
                return false;
            }
            found.add(listed);
            return true;
        }
        Mention tagged = overlapping.get(0);
        if (overlapping.size() == 1 && tagged.start() == match.start() && tagged.end() == match.end()) {
            if (EntityType.WEAPON.equals(tagged.type())
                    || (trustTaggedNames && (EntityType.ORGANIZATION.equals(tagged.type())
                            || EntityType.PERSON.equals(tagged.type())))
                    || (place.ambiguous() && !EntityType.LOCATION.equals(tagged.type()))) {
                return false;
            }
            found.set(found.indexOf(tagged), listed);
            return true;
        }
        if (overlapping.size() == 1 && tagged.start() <= match.start() && tagged.end() >= match.end()) {
            // A longer tagged name holds the place ("Bank of Russia"); it stays as tagged.
            return false;
        }
        if (place.ambiguous() || overlapping.stream().anyMatch(m -> EntityType.WEAPON.equals(m.type()))) {
            return false;
        }
        // The tagger cut a listed name ("Kryvyi" "Rih" apart): the listed span replaces the pieces inside it.
        if (overlapping.stream().allMatch(m -> m.start() >= match.start() && m.end() <= match.end())) {
            found.removeAll(overlapping);
            found.add(listed);
            return true;
        }
        return false;
    }

    private boolean applyNationality(PhraseTable.Match<Nationality> match, List<Mention> found) {
        Nationality nationality = match.value();
        Mention listed = new Mention(match.start(), match.end(), EntityType.NATIONALITY, null,
                nationality.adjective(), nationality.country());
        List<Mention> overlapping = overlapping(match.start(), match.end(), found);
        if (overlapping.isEmpty()) {
            found.add(listed);
            return true;
        }
        Mention tagged = overlapping.get(0);
        if (overlapping.size() == 1 && tagged.start() == match.start() && tagged.end() == match.end()
                && !EntityType.WEAPON.equals(tagged.type())) {
            found.set(found.indexOf(tagged), listed);
            return true;
        }
        return false;
    }

    /**
     * "the Astrakhan region", "the Kursk and Kharkov regions": a place followed by a region word (past other
     * places joined by "and" or commas) is the region, not the city of that name.
     */
    private static void markRegions(List<Token> tokens, List<Mention> found) {
        for (int m = 0; m < found.size(); m++) {
            Mention mention = found.get(m);
            if (!EntityType.LOCATION.equals(mention.type()) || "COUNTRY".equals(mention.subtype())) {
                continue;
            }
            int k = mention.end();
            int nextMention = m + 1;
            while (k < tokens.size()) {
                String word = tokens.get(k).word().toLowerCase(Locale.ROOT);
                if (REGION_WORDS.contains(word)) {
                    found.set(m, mention.withSubtype("REGION"));
                    break;
                }
                if (nextMention < found.size() && found.get(nextMention).start() == k
                        && EntityType.LOCATION.equals(found.get(nextMention).type())) {
                    k = found.get(nextMention).end();
                    nextMention++;
                } else if (word.equals("and") || word.equals(",") || word.equals("or")) {
                    k++;
                } else {
                    break;
                }
            }
        }
    }

    private static List<Mention> overlapping(int start, int end, List<Mention> found) {
        List<Mention> out = new ArrayList<>();
        for (Mention mention : found) {
            if (mention.overlaps(start, end)) {
                out.add(mention);
            }
        }
        return out;
    }

    private static boolean overlapsAny(Mention mention, List<Mention> others) {
        for (Mention other : others) {
            if (mention.overlaps(other)) {
                return true;
            }
        }
        return false;
    }
}
