package io.storyline.enrich.entities;

import io.storyline.common.article.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Corrections for errors the CRFs typically make, by rules of English naming that hold whatever the text is about:
 * <ul>
 *   <li>a lower-case "the" is not part of a name, a capitalised "The" inside a sentence is ("The Hague");</li>
 *   <li>a nationality or an ordinal right before an organisation belongs to it ("Russian Defense Ministry",
 *       "101st Airborne Division");</li>
 *   <li>some last words settle the kind of name ("... Railroad" is an organisation, "... River" a place);</li>
 *   <li>a name followed by a comma and a known country or region is a place there ("Grantham, Lincolnshire");</li>
 *   <li>a name after "residents of", "the village of", "the port of"... is a place, and so are the names listed
 *       with it ("residents of Doel and Kieldrecht").</li>
 * </ul>
 */
final class NameRules {

    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th|d)");
    /** Nouns that, before "of", say the name after it is a place: no person has residents or a port. */
    private static final Set<String> PLACE_CUES = Set.of("residents", "inhabitants", "town", "village", "city",
            "suburb", "suburbs", "outskirts", "municipality", "port", "Port", "district", "province", "county",
            "mayor", "streets", "centre", "center");
    private static final Set<String> LIST_JOINERS = Set.of("and", "or", ",");

    private final Map<String, String> heads = new HashMap<>();

    NameRules() {
        for (String[] row : DataFile.rows("name-heads.tsv", 2)) {
            heads.put(row[0], row[1]);
        }
    }

    void apply(List<Token> tokens, List<Mention> mentions) {
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = trimLowerCaseThe(tokens, mentions.get(m));
            mention = headType(tokens, mention);
            mentions.set(m, mention);
        }
        for (int m = mentions.size() - 1; m >= 0; m--) {
            joinPrefix(tokens, mentions, m);
        }
        for (int m = 0; m < mentions.size(); m++) {
            placeBeforeCommaPlace(tokens, mentions, m);
        }
        for (int m = 0; m < mentions.size(); m++) {
            placeAfterPlaceCue(tokens, mentions, m);
        }
    }

    private static Mention trimLowerCaseThe(List<Token> tokens, Mention mention) {
        if (mention.end() - mention.start() > 1 && tokens.get(mention.start()).word().equals("the")) {
            return new Mention(mention.start() + 1, mention.end(), mention.type(), mention.subtype(),
                    mention.canonical(), mention.country());
        }
        return mention;
    }

    private Mention headType(List<Token> tokens, Mention mention) {
        if (mention.end() - mention.start() < 2 || mention.canonical() != null
                || EntityType.WEAPON.equals(mention.type()) || EntityType.NATIONALITY.equals(mention.type())) {
            return mention;
        }
        String type = heads.get(tokens.get(mention.end() - 1).word());
        return type == null || type.equals(mention.type()) ? mention : mention.withType(type);
    }

    /** "The", a nationality or an ordinal right before an organisation or other name joins it. */
    private static void joinPrefix(List<Token> tokens, List<Mention> mentions, int m) {
        Mention mention = mentions.get(m);
        if (!EntityType.ORGANIZATION.equals(mention.type()) && !EntityType.MISC.equals(mention.type())) {
            return;
        }
        int before = mention.start() - 1;
        if (before < 0) {
            return;
        }
        Mention previous = m > 0 ? mentions.get(m - 1) : null;
        String word = tokens.get(before).word();
        boolean the = word.equals("The") && before > 0 && (previous == null || previous.end() <= before);
        boolean ordinal = ORDINAL.matcher(word).matches() && EntityType.ORGANIZATION.equals(mention.type());
        boolean nationality = previous != null && previous.end() == mention.start()
                && EntityType.NATIONALITY.equals(previous.type()) && EntityType.ORGANIZATION.equals(mention.type());
        if (nationality) {
            mentions.remove(m - 1);
            mentions.set(m - 1, extended(mention, previous.start()));
        } else if (the || ordinal) {
            mentions.set(m, extended(mention, before));
        }
    }

    private static Mention extended(Mention mention, int start) {
        return new Mention(start, mention.end(), mention.type(), mention.subtype(), mention.canonical(),
                mention.country());
    }

    /** "residents of Doel and Kieldrecht", "the Port of Antwerp-Bruges": names a person cannot be. */
    private static void placeAfterPlaceCue(List<Token> tokens, List<Mention> mentions, int m) {
        Mention mention = mentions.get(m);
        int of = mention.start() - 1;
        if (!mistakenForPerson(mention) || of < 1 || !tokens.get(of).word().equals("of")
                || !PLACE_CUES.contains(tokens.get(of - 1).word())) {
            return;
        }
        mentions.set(m, mention.withType(EntityType.LOCATION));
        for (int next = m + 1; next < mentions.size(); next++) {
            Mention listed = mentions.get(next);
            Mention previous = mentions.get(next - 1);
            if (!mistakenForPerson(listed) || listed.start() != previous.end() + 1
                    || !LIST_JOINERS.contains(tokens.get(previous.end()).word())) {
                return;
            }
            mentions.set(next, listed.withType(EntityType.LOCATION));
        }
    }

    private static boolean mistakenForPerson(Mention mention) {
        return (EntityType.PERSON.equals(mention.type()) || EntityType.MISC.equals(mention.type()))
                && mention.canonical() == null;
    }

    /**
     * "Debden, England", "Westerville, Ohio": a name before a comma and a known country or region is a place in
     * it, a city when the region is listed, even where the tagger took the name for a person.
     */
    private static void placeBeforeCommaPlace(List<Token> tokens, List<Mention> mentions, int m) {
        Mention mention = mentions.get(m);
        boolean unknownPlace = EntityType.LOCATION.equals(mention.type()) && mention.country() == null;
        if (!EntityType.PERSON.equals(mention.type()) && !EntityType.MISC.equals(mention.type()) && !unknownPlace) {
            return;
        }
        if (m + 1 >= mentions.size() || mention.end() + 1 != mentions.get(m + 1).start()
                || !tokens.get(mention.end()).word().equals(",")) {
            return;
        }
        Mention next = mentions.get(m + 1);
        boolean knownPlace = EntityType.LOCATION.equals(next.type())
                && ("COUNTRY".equals(next.subtype()) || "REGION".equals(next.subtype()));
        // "Smith, Britain's ambassador" is an apposition, not an address.
        boolean possessive = next.end() < tokens.size() && tokens.get(next.end()).word().equals("'s");
        if (knownPlace && !possessive) {
            String country = next.country() != null ? next.country() : next.canonical();
            mentions.set(m, new Mention(mention.start(), mention.end(), EntityType.LOCATION,
                    "REGION".equals(next.subtype()) ? "CITY" : null, null, country));
        }
    }
}
