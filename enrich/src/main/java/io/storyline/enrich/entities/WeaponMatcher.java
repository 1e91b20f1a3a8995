package io.storyline.enrich.entities;

import io.storyline.common.article.EntityType;
import io.storyline.enrich.language.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds weapons and military platforms in a sentence, which no CoreNLP model tags: named systems from
 * {@code weapons.tsv} ("Storm Shadow", "ATACMS"), model designations by pattern ("Kh-101", "Su-34", "MQ-9"), and
 * common weapon nouns with their modifiers ("long-range cruise missiles", "a machine gun"), the latter with
 * subtype {@value #GENERIC}. Names and designations are the same in every language; the common nouns are each
 * language's ({@code weapon-nouns.tsv} for English, {@code weapon-nouns-de.tsv}…; German writes them capitalised).
 * Immutable; shared by every enricher of a language.
 */
final class WeaponMatcher {

    static final String GENERIC = "GENERIC";

    /** A listed weapon. {@code needsContext}: the name counts only next to a weapon word. */
    record Weapon(String canonical, String category, boolean needsContext) {
    }

    /** Words that, within two tokens after an ambiguous name, show it is a weapon ("Patriot batteries"). */
    private static final Set<String> CONTEXT = Set.of("missile", "missiles", "system", "systems", "battery",
            "batteries", "interceptor", "interceptors", "launcher", "launchers", "air", "defence", "defense",
            "rocket", "rockets", "drone", "drones", "jet", "jets", "aircraft", "fighter", "fighters", "helicopter",
            "helicopters", "tank", "tanks", "vehicle", "vehicles", "howitzer", "howitzers", "munition",
            "munitions", "bomb", "bombs", "rifle", "rifles", "gun", "guns", "pistol", "handgun", "shells",
            "warship", "cruiser", "carrier", "submarine", "strike", "strikes", "unit", "units", "air-defense",
            "air-defence", "anti-aircraft", "warheads", "bomber", "bombers");


    private static final Set<String> SHIP_NAME_JOINERS = Set.of("de", "of", "the", "la", "le", "du", "von", "van");

    private final PhraseTable<Weapon> named = new PhraseTable<>(false);
    private final PhraseTable<Weapon> nouns = new PhraseTable<>(true);
    private final PhraseTable<Boolean> modifiers = new PhraseTable<>(true);
    private final PhraseTable<Boolean> exclusions = new PhraseTable<>(true);
    private final Set<String> followers = new HashSet<>();
    private final Set<String> shipPrefixes = new HashSet<>();
    private final Map<String, String> designationCategories = new HashMap<>();
    private final Pattern designation;

    private static final java.util.Map<Language, WeaponMatcher> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether common nouns may be capitalised mid-sentence (German nouns are). */
    private final boolean capitalisedNouns;

    static WeaponMatcher shared() {
        return forLanguage(Language.ENGLISH);
    }

    /** A language's matcher, loaded at its first use, once per process. */
    static WeaponMatcher forLanguage(Language language) {
        return LOADED.computeIfAbsent(language, WeaponMatcher::new);
    }

    private WeaponMatcher(Language language) {
        boolean english = language == Language.ENGLISH;
        String suffix = english ? "" : "-" + language.code();
        this.capitalisedNouns = language == Language.GERMAN;
        for (String[] row : DataFile.rows("weapons.tsv", 4)) {
            Weapon weapon = new Weapon(row[0], row[1], row[3].equals("context"));
            named.add(row[0], weapon);
            for (String alias : DataFile.names(row[2])) {
                named.add(alias, weapon);
            }
        }
        for (String[] row : DataFile.rows("weapon-nouns" + suffix + ".tsv", 4)) {
            // other languages' nouns name their English noun, so a "Rakete" and a "missile" compare equal
            Weapon weapon = new Weapon(row[3].isEmpty() ? row[0] : row[3], row[2], false);
            nouns.add(row[0], weapon);
            for (String plural : DataFile.names(row[1])) {
                nouns.add(plural, weapon);
            }
        }
        if (english) {
            // English's modifiers, followers and exclusions are English phrases; other languages' nouns stand alone.
            for (String[] row : DataFile.rows("weapon-modifiers.txt", 1)) {
                modifiers.add(row[0], Boolean.TRUE);
            }
            for (String[] row : DataFile.rows("weapon-noun-followers.txt", 1)) {
                followers.add(row[0]);
            }
            for (String[] row : DataFile.rows("weapon-exclusions.txt", 1)) {
                exclusions.add(row[0], Boolean.TRUE);
            }
        }
        for (String[] row : DataFile.rows("ship-prefixes.txt", 1)) {
            shipPrefixes.add(row[0]);
        }
        StringBuilder prefixes = new StringBuilder();
        for (String[] row : DataFile.rows("weapon-designations.tsv", 2)) {
            designationCategories.put(row[0], row[1]);
            prefixes.append(prefixes.length() == 0 ? "" : "|").append(Pattern.quote(row[0]));
        }
        designation = Pattern.compile("(" + prefixes + ")-(\\d{1,4}[A-Z]{0,3}\\d?)(s?)");
    }

    /** Weapon mentions in one sentence, left to right, not overlapping. */
    List<Mention> find(List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            PhraseTable.Match<Boolean> excluded = exclusions.longestAt(tokens, i);
            if (excluded != null) {
                i = excluded.end();
                continue;
            }
            Mention found = namedAt(tokens, i);
            if (found == null) {
                found = designationAt(tokens, i);
            }
            if (found == null) {
                found = shipAt(tokens, i);
            }
            if (found == null) {
                found = genericAt(tokens, i);
            }
            if (found != null) {
                out.add(found);
                i = found.end();
            } else {
                i++;
            }
        }
        return out;
    }

    private Mention namedAt(List<Token> tokens, int i) {
        PhraseTable.Match<Weapon> match = named.longestAt(tokens, i);
        if (match == null) {
            return null;
        }
        Weapon weapon = match.value();
        if (weapon.needsContext() && !inWeaponContext(tokens, match.start(), match.end())) {
            return null;
        }
        return weaponMention(match.start(), match.end(), weapon.category(), weapon.canonical());
    }

    private boolean inWeaponContext(List<Token> tokens, int start, int end) {
        for (int k = end; k < Math.min(tokens.size(), end + 2); k++) {
            String word = tokens.get(k).word();
            if (CONTEXT.contains(word.toLowerCase(Locale.ROOT)) || genericAt(tokens, k) != null) {
                return true;
            }
        }
        if (start > 0) {
            String before = tokens.get(start - 1).word().toLowerCase(Locale.ROOT);
            return before.endsWith("-made") || before.endsWith("-supplied") || before.endsWith("-built")
                    || before.endsWith("-provided") || before.endsWith("-produced");
        }
        return false;
    }

    private Mention designationAt(List<Token> tokens, int i) {
        Matcher matcher = designation.matcher(tokens.get(i).word());
        if (!matcher.matches()) {
            return null;
        }
        String canonical = matcher.group(1) + "-" + matcher.group(2);
        Weapon listed = named.get(canonical);
        int end = i + 1;
        // A listed platform name may follow the designation: "MQ-9 Reaper", "Su-25 Frogfoot".
        while (end < tokens.size() && end < i + 3 && tokens.get(end).isCapitalised()
                && named.longestAt(tokens, end) != null && named.longestAt(tokens, end).end() == end + 1) {
            end++;
        }
        if (listed != null) {
            return weaponMention(i, end, listed.category(), listed.canonical());
        }
        return weaponMention(i, end, designationCategories.get(matcher.group(1)), canonical);
    }

    /** A navy's ship prefix and the capitalised name after it, which may hold "de" or "of" ("Charles de Gaulle"). */
    private Mention shipAt(List<Token> tokens, int i) {
        if (!shipPrefixes.contains(tokens.get(i).word())) {
            return null;
        }
        int end = i + 1;
        while (end < tokens.size() && (tokens.get(end).isCapitalised()
                || (end + 1 < tokens.size() && SHIP_NAME_JOINERS.contains(tokens.get(end).word())
                    && tokens.get(end + 1).isCapitalised() && end > i + 1))) {
            end++;
        }
        if (end == i + 1) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int k = i; k < end; k++) {
            words.add(tokens.get(k).word());
        }
        return weaponMention(i, end, "SHIP", String.join(" ", words));
    }

    private Mention genericAt(List<Token> tokens, int i) {
        // Modifiers run up to the noun; a word that is both ("artillery") may itself be the noun.
        List<Integer> nounStarts = new ArrayList<>();
        nounStarts.add(i);
        int k = i;
        PhraseTable.Match<Boolean> modifier;
        while ((modifier = modifiers.longestAt(tokens, k)) != null && lowerCaseOrFirst(tokens, k, modifier.end())) {
            k = modifier.end();
            nounStarts.add(k);
        }
        for (int n = nounStarts.size() - 1; n >= 0; n--) {
            int start = nounStarts.get(n);
            PhraseTable.Match<Weapon> noun = nouns.longestAt(tokens, start);
            if (noun != null && lowerCaseOrFirst(tokens, start, noun.end())
                    && !modifiesSomethingElse(tokens, noun.end())) {
                return new Mention(i, noun.end(), EntityType.WEAPON, GENERIC, noun.value().canonical(), null);
            }
        }
        return null;
    }

    private boolean modifiesSomethingElse(List<Token> tokens, int after) {
        return after < tokens.size() && followers.contains(tokens.get(after).word().toLowerCase(Locale.ROOT));
    }

    /**
     * Common nouns are written in lower case; a capitalised one mid-sentence is a name ("Shell", "Tank") unless
     * it is an acronym ("IEDs", "UAV").
     */
    private boolean lowerCaseOrFirst(List<Token> tokens, int start, int end) {
        if (capitalisedNouns) {
            return true;
        }
        for (int k = start; k < end; k++) {
            Token token = tokens.get(k);
            if (k > 0 && token.isCapitalised() && !isAcronym(token.word())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAcronym(String word) {
        String stem = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        return stem.length() > 1 && stem.equals(stem.toUpperCase(Locale.ROOT));
    }

    private static Mention weaponMention(int start, int end, String category, String canonical) {
        return new Mention(start, end, EntityType.WEAPON, category, canonical, null);
    }
}
