package io.storyline.enrich.entities;

import io.storyline.common.article.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What French writes around place names that the CRF takes into them: the article before a country ("La France",
 * "L'Allemagne": the name is France), a hyphenated listed place joined from pieces the CRF typed apart ("Etats -
 * Unis"), and the names of peoples ("les Français", "des Suisses", "les Autrichiens"),
 * which are nationalities, not places. A people's name is recognised by French's suffixes for them (-ais, -ois,
 * -ain, -ien, -and, with -e and -s) or as the plural of a listed country ("Suisses"), after a plural determiner
 * ("les", "des", "aux"), and only where no place of that name is listed.
 */
final class FrenchPlaces {

    /** A people is named in the plural, "les Français"; a town ending alike comes after "à" or "de" (Calais). */
    private static final Set<String> PLURAL_DETERMINERS = Set.of("les", "des", "aux", "ces", "nos", "vos", "leurs",
            "deux", "trois", "plusieurs", "quelques", "nombreux");
    private static final Set<String> ARTICLES = Set.of("La", "Le", "Les", "L'", "L’");
    private static final List<String> PEOPLE_SUFFIXES = List.of("ais", "aise", "ois", "oise", "ain", "aine", "ien",
            "ienne", "and", "ande");

    private final Gazetteer gazetteer;

    FrenchPlaces(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    void apply(List<Token> tokens, List<Mention> mentions) {
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = mentions.get(m);
            if (mention.canonical() != null) {
                continue;
            }
            String text = DocumentNames.text(tokens, mention);
            Place hyphenated = text.contains(" - ") ? gazetteer.place(text) : null;
            if (hyphenated != null) {
                mentions.set(m, mention.withType(EntityType.LOCATION).withPlace(hyphenated));
                continue;
            }
            if (!EntityType.LOCATION.equals(mention.type())) {
                continue;
            }
            if (mention.end() - mention.start() == 1 && mention.start() > 0
                    && PLURAL_DETERMINERS.contains(tokens.get(mention.start() - 1).word().toLowerCase(Locale.ROOT))
                    && isPeople(tokens.get(mention.start()).word())) {
                mentions.set(m, mention.withType(EntityType.NATIONALITY));
            } else if (mention.end() - mention.start() > 1 && ARTICLES.contains(tokens.get(mention.start()).word())) {
                Mention rest = new Mention(mention.start() + 1, mention.end(), mention.type(), null, null, null);
                Place place = gazetteer.place(DocumentNames.text(tokens, rest));
                if (place != null && "COUNTRY".equals(place.subtype())) {
                    mentions.set(m, rest);
                }
            }
        }
    }

    private boolean isPeople(String word) {
        if (!Character.isUpperCase(word.charAt(0)) || gazetteer.place(word) != null) {
            return false;
        }
        String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        if (singular.length() < word.length()) {
            Place place = gazetteer.place(singular);
            if (place != null && "COUNTRY".equals(place.subtype())) {
                return true;
            }
        }
        for (String suffix : PEOPLE_SUFFIXES) {
            // "Suédois" is its own plural; "Autrichiens" sheds its -s
            for (String form : List.of(word, singular)) {
                if (form.endsWith(suffix) && form.length() > suffix.length() + 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
