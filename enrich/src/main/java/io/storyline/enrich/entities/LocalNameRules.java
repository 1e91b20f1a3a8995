package io.storyline.enrich.entities;

import io.storyline.common.article.EntityType;
import io.storyline.enrich.language.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Corrections for the errors German, French and Spanish CRFs typically make, by rules of naming that hold in those
 * languages whatever the text is about:
 * <ul>
 *   <li>articles the tagger took in front of a name ("einer Interkontinentalrakete", "la ONU") are not part of it
 *       (particles such as "von" or "van der" are, and lower-case acronyms such as "dpa" stay names);</li>
 *   <li>a word that is capitalised only because German capitalises nouns or because it opens a sentence is not a
 *       name: days, months, parts of the day, titles and other words of {@code not-names-<language>.txt} alone
 *       ("Donnerstag", "Abend", "Präsident"), nor a letter alone, nor is a single German noun with a noun suffix
 *       ("-ung", "-keit") a person;</li>
 *   <li>a title before a person's name is not part of it ("Präsident Wladimir Putin"), before an organisation's
 *       it is ("General Motors").</li>
 * </ul>
 */
final class LocalNameRules {

    private static final Set<String> CHECKED = Set.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION,
            EntityType.MISC);
    /** German noun suffixes no person's or place's single name ends with. */
    private static final List<String> NOUN_SUFFIXES = List.of("ung", "ungen", "heit", "keit", "schaft", "tion",
            "ismus", "ität", "rakete", "raketen");

    private final Set<String> notNames = new HashSet<>();
    private final boolean germanNouns;

    LocalNameRules(Language language) {
        for (String[] row : DataFile.rows("not-names-" + language.code() + ".txt", 1)) {
            notNames.add(row[0]);
        }
        this.germanNouns = language == Language.GERMAN;
    }

    void apply(List<Token> tokens, List<Mention> mentions) {
        for (int m = mentions.size() - 1; m >= 0; m--) {
            Mention mention = mentions.get(m);
            if (!CHECKED.contains(mention.type()) || mention.canonical() != null) {
                continue;
            }
            int start = mention.start();
            while (start + 1 < mention.end() && notNames.contains(tokens.get(start).word())
                    && (!tokens.get(start).isCapitalised() || EntityType.PERSON.equals(mention.type()))) {
                start++;
            }
            if (start + 1 == mention.end() && notAName(tokens.get(start).word(), mention.type())) {
                mentions.remove(m);
            } else if (start > mention.start()) {
                mentions.set(m, new Mention(start, mention.end(), mention.type(), mention.subtype(),
                        mention.canonical(), mention.country()));
            }
        }
    }

    private boolean notAName(String word, String type) {
        // A letter alone is an initial or OCR debris ("L", "S"), never a whole name.
        if (notNames.contains(word) || word.length() == 1) {
            return true;
        }
        // "Bundesregierung" is an organisation; no person is called "Interkontinentalrakete"
        if (germanNouns && EntityType.PERSON.equals(type)) {
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            for (String suffix : NOUN_SUFFIXES) {
                if (lower.endsWith(suffix) && lower.length() > suffix.length() + 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
