package io.storyline.enrich.facts;

import io.storyline.common.article.Entity;
import io.storyline.common.article.EntityType;
import io.storyline.common.facts.KeyFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the reported event happened, as opposed to every place an article names. The clues, strongest first:
 * the dateline ("WEST MEMPHIS, Ark. —", "KYIV (Reuters) -"); a "City, State" pair in the lead; the force that
 * answered ("Alvin police said": a police department is named after its town); "in &lt;place&gt;" in the headline
 * or lead; then the first city the entity extractor located in the lead. A US town's state is the one written
 * with it, else one of its namesakes' states the article names, else the most populous namesake's (GeoNames).
 * Outside the US the city and its country come from the entity extractor's gazetteer.
 */
final class EventPlace {

    /**
     * A place and the sentence that names it; {@code guessed} when its US state is neither written with the town
     * nor named in the article, but taken from the most populous namesake.
     */
    record Found(KeyFacts.Place place, Sentence sentence, boolean guessed) {

        Found(KeyFacts.Place place, Sentence sentence) {
            this(place, sentence, false);
        }
    }

    private static final String WORD = "(?:D\\.C\\.|\\p{Lu}[\\p{L}'’-]+\\.?)";
    private static final String NAME = WORD + "(?: " + WORD + "){0,3}";
    private static final Pattern DATELINE = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu}.'’ -]{2,40}?)(?:, ?(\\p{Lu}"
            + "[\\p{L}. ]{1,20}?))?\\s*(?:\\([^)]{1,40}\\))?\\s*(?:—|–|--|-|:)");
    private static final Pattern CITY_STATE = Pattern.compile("\\b(" + NAME + "), (\\p{Lu}[\\p{L}.]+(?: "
            + "\\p{Lu}[\\p{L}.]+)?)");
    private static final Pattern POLICE = Pattern.compile("\\b(" + NAME + ") (?:[Pp]olice|PD\\b|Metropolitan "
            + "Police|[Ff]ire (?:[Dd]epartment|[Rr]escue)|Sheriff)");
    private static final Pattern IN_PLACE = Pattern.compile("\\b(?:in|near|outside) (?:(?:the )?(?:city|town|"
            + "village|suburb) of |the )?(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Nn]ortheast|[Nn]orthwest|[Ss]outheast|"
            + "[Ss]outhwest|[Nn]orthern|[Ss]outhern|[Ee]astern|[Ww]estern|[Cc]entral|[Dd]owntown|[Ss]uburban|"
            + "[Rr]ural|[Uu]ptown) )?(" + NAME + ")");
    /** A town's name used as a modifier of what happened there: "Bakersfield house party", "Mukilteo shooting". */
    // Not "park" nor "hospital": a park named after someone ("near Riverside Park") or a hospital's town (where
    // victims were taken) is not a town the event happened in.
    private static final Pattern PLACE_MODIFIER = Pattern.compile("\\b(" + NAME + ") (?i:shootings?|shooting|"
            + "stabbings?|man|woman|teens?|boy|girl|child|officers?|homes?|house|apartments?|club|bar|nightclub|"
            + "murders?|homicides?|killings?|crash|fire|blaze|explosion|party|neighborhood|residents?|"
            + "school|store|restaurant|church|earthquake|quake|flood|strike|attack|ambush|standoff|"
            + "deaths?|victims?)\\b");
    private static final Pattern DIRECTION = Pattern.compile("^(?:(?:North|South|East|West|Northeast|Northwest|"
            + "Southeast|Southwest|Central|Downtown|Greater|Metro|Suburban|Uptown|Midtown|Inner|Outer|Northern|"
            + "Southern|Eastern|Western|N\\.|S\\.|E\\.|W\\.|NE|NW|SE|SW) )+");
    /** Only Louisiana has parishes: "the parish sheriff's deputies" places the event in the state. */
    private static final Pattern PARISH = Pattern.compile("\\b\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)? Parish\\b");
    /**
     * A state's name that begins another place's name is not the state: "Kansas City" (Missouri), "Virginia
     * Beach", "Delaware County" (Pennsylvania), "Indiana Avenue", "Texas Tech University".
     */
    private static final String NOT_THE_STATE = "(?! (?:City|Beach|Avenue|Ave\\.|Street|St\\.|Boulevard|Road|County|"
            + "University|College)\\b)";
    /** "a bus driver from San Carlos, Calif.": where a person lives, not where the event happened. */
    private static final Pattern RESIDENCE = Pattern.compile("\\b(?:from|of|native|resident|residents)\\s*$");
    /** "on Austin's Sixth Street": a town's possessive in the headline or lead. */
    private static final Pattern POSSESSIVE = Pattern.compile("\\b(" + NAME + ")['’]s\\b");
    private static final Pattern POSSESSIVE_END = Pattern.compile("['’]s$");
    private static final Pattern POSSESSIVE_AFTER = Pattern.compile("['’]s\\b");
    private static final Set<String> NOT_PLACES = Set.of("police", "the", "state", "county", "city", "a", "an",
            "this", "that", "sheriff", "officers", "authorities", "he", "she", "they", "it", "its", "his", "her");

    /** A station's credit line ("KXVO - Tulsa"): where the report comes from, not where it happened. */
    private static final Pattern STATION_CREDIT = Pattern.compile("^[KW][A-Z]{2,3}(?:-TV)?\\s*[-–—]\\s*[\\p{L} .]+$");

    private static final int NAMED_STATE_WEIGHT = 50;

    private final UsGeography us;
    private final Pattern stateName;

    EventPlace(UsGeography us) {
        this.us = us;
        this.stateName = Pattern.compile("\\b(" + us.stateFullNames().stream()
                .filter(name -> !name.equals("Washington") && !name.equals("New York"))
                .map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b" + NOT_THE_STATE);
    }

    Found find(List<Sentence> sentences, int firstBodySentence, List<Entity> entities) {
        Context context = new Context(namedStates(sentences), abroad(entities));
        Found found = dateline(sentences, firstBodySentence, context, entities);
        // The lead first; a place only the rest of the article names is better than none.
        for (int end : new int[] {firstBodySentence + ArticleToll.LEAD_SENTENCES, sentences.size()}) {
            if (found == null) {
                found = cityState(sentences, end);
            }
            if (found == null) {
                found = named(sentences, end, POLICE, context);
            }
            if (found == null) {
                found = named(sentences, end, IN_PLACE, context);
            }
            // A name used as a modifier or possessive is a US town's only: abroad, "Moscow's attacks" and "the
            // Kyiv government" name a government, not where the event happened.
            if (found == null) {
                found = named(sentences, end, PLACE_MODIFIER, context.usOnly());
            }
            if (found == null) {
                found = named(sentences, end, POSSESSIVE, context.usOnly());
            }
            if (found == null) {
                found = entityCity(sentences, end, entities, context);
            }
        }
        if (found == null) {
            found = stateOnly(sentences, sentences.size());
        }
        return found;
    }

    private Found dateline(List<Sentence> sentences, int firstBody, Context context,
                           List<Entity> entities) {
        for (int s = firstBody; s < Math.min(sentences.size(), firstBody + 3); s++) {
            Sentence sentence = sentences.get(s);
            Matcher m = DATELINE.matcher(sentence.text());
            if (!m.find()) {
                continue;
            }
            String city = titleCase(m.group(1).trim());
            String stateWords = m.group(2);
            String state = stateWords == null ? null : us.state(stateWords, true);
            if (stateWords != null && state == null) {
                // "IZMIR, Turkey (Reuters) -": a dateline outside the US names its country.
                Found abroad = abroad(city, sentence, m.start(2), entities);
                if (abroad != null) {
                    return abroad;
                }
                continue;
            }
            Found place = usPlace(city, state, context, sentence, state != null);
            if (place != null) {
                return place;
            }
        }
        return null;
    }

    /** The dateline's city abroad, when what follows its comma is a country the entity extractor knows. */
    private static Found abroad(String city, Sentence sentence, int countryOffset, List<Entity> entities) {
        if (sentence.headline()) {
            return null;
        }
        int at = sentence.start() + countryOffset;
        for (Entity entity : entities) {
            if (EntityType.LOCATION.equals(entity.type()) && "COUNTRY".equals(entity.subtype())
                    && entity.start() == at) {
                return new Found(new KeyFacts.Place(city, null, entity.canonical()), sentence);
            }
        }
        return null;
    }

    private Found cityState(List<Sentence> sentences, int leadEnd) {
        for (Sentence sentence : sentences.subList(0, Math.min(leadEnd, sentences.size()))) {
            if (!placesTheEvent(sentence)) {
                continue;
            }
            Matcher m = CITY_STATE.matcher(sentence.text());
            while (m.find()) {
                String state = us.state(m.group(2), false);
                if (state != null && !RESIDENCE.matcher(sentence.text().substring(0, m.start())).find()) {
                    Found place = usPlace(m.group(1), state, new Context(Set.of(), Map.of()), sentence, true);
                    if (place != null) {
                        return place;
                    }
                }
            }
        }
        return null;
    }

    private Found named(List<Sentence> sentences, int leadEnd, Pattern pattern, Context context) {
        for (Sentence sentence : sentences.subList(0, Math.min(leadEnd, sentences.size()))) {
            if (!placesTheEvent(sentence)) {
                continue;
            }
            Matcher m = pattern.matcher(sentence.text());
            while (m.find()) {
                if (pattern != POSSESSIVE && POSSESSIVE_END.matcher(m.group(1)).find()) {
                    continue; // "in Moscow's attacks": whose attacks, not where
                }
                Found place = usPlace(m.group(1), null, context, sentence, false);
                // "in the Bronx" is The Bronx; "in the Atlantic", "in the White House" name no town.
                boolean article = pattern == IN_PLACE && sentence.text().startsWith("the ", m.start(1) - 4);
                if (place != null && (!article || place.place().city() != null
                        && place.place().city().startsWith("The "))) {
                    return place;
                }
            }
        }
        return null;
    }

    private Found entityCity(List<Sentence> sentences, int leadEnd, List<Entity> entities, Context context) {
        for (Entity entity : entities) {
            if (!EntityType.LOCATION.equals(entity.type()) || !"CITY".equals(entity.subtype())) {
                continue;
            }
            Sentence sentence = Sentences.containing(sentences, entity.start());
            if (sentence == null || sentence.index() >= leadEnd || !placesTheEvent(sentence) || POSSESSIVE_AFTER.matcher(
                    sentence.text().substring(Math.min(entity.end() - sentence.start(), sentence.text().length())))
                    .lookingAt()) {
                continue;
            }
            String name = entity.canonical() != null ? entity.canonical() : entity.text();
            if (UsGeography.COUNTRY.equals(entity.country())) {
                Found place = usPlace(name, null, context, sentence, false);
                if (place != null) {
                    return place;
                }
            } else if (entity.country() != null) {
                return new Found(new KeyFacts.Place(name, null, entity.country()), sentence);
            }
        }
        return null;
    }

    private Found stateOnly(List<Sentence> sentences, int leadEnd) {
        for (Sentence sentence : sentences.subList(0, Math.min(leadEnd, sentences.size()))) {
            if (!placesTheEvent(sentence)) {
                continue;
            }
            Matcher m = stateName.matcher(sentence.text());
            String code = m.find() ? us.state(m.group(1), false) : PARISH.matcher(sentence.text()).find() ? "LA" : null;
            if (code != null) {
                return new Found(new KeyFacts.Place(null, us.stateName(code), UsGeography.COUNTRY), sentence);
            }
        }
        return null;
    }

    /**
     * A US place by name: with the state written beside it, that state (the place need not be listed: a small
     * town is still a town); else the listed namesake in a state the article names, else the most populous.
     */
    private Found usPlace(String name, String state, Context context, Sentence sentence, boolean explicit) {
        String cleaned = name.replaceAll("[.’']s$", "").trim();
        String named = us.state(cleaned, false);
        if (UsGeography.CAPITAL_DISTRICT.equals(named)) {
            // "in Southeast D.C.": the district is the capital city.
            return new Found(new KeyFacts.Place(UsGeography.CAPITAL, us.stateName(named), UsGeography.COUNTRY),
                    sentence);
        }
        if (NOT_PLACES.contains(cleaned.toLowerCase(Locale.ROOT)) || named != null) {
            return null;
        }
        List<UsGeography.Place> listed = us.places(cleaned);
        Matcher direction = DIRECTION.matcher(cleaned);
        if (listed.isEmpty() && direction.find() && direction.end() < cleaned.length()) {
            // "South Bakersfield", "Northwest Washington", "E. Lubbock": a part of the town is the town.
            return usPlace(cleaned.substring(direction.end()), state, context, sentence, explicit);
        }
        Entity foreign = context.abroad().get(cleaned.toLowerCase(Locale.ROOT));
        if (state == null && foreign != null && context.namedStates().isEmpty()) {
            // "in Rotterdam": the gazetteer's Rotterdam in the Netherlands, unless the article names a US state.
            // Where only a US town's name would do ("the Antwerp port authority"), the city abroad is still no
            // US namesake: this pattern places nothing, and the entities place it.
            return context.usTownsOnly() ? null : new Found(new KeyFacts.Place(foreign.canonical(), null, foreign.country()),
                    sentence);
        }
        if (explicit && state != null) {
            String city = listed.stream().filter(p -> p.state().equals(state)).map(UsGeography.Place::name)
                    .findFirst().orElse(cleaned.endsWith(" County") ? null : UsGeography.fullName(cleaned));
            return new Found(new KeyFacts.Place(city, us.stateName(state), UsGeography.COUNTRY), sentence);
        }
        if (listed.isEmpty()) {
            return null;
        }
        // A namesake in a state the article names is preferred over a far larger one only up to a point: a
        // Texas story that mentions San Diego still means the city of 1.4 million, not the Texas town of 4,000.
        UsGeography.Place chosen = listed.stream()
                .max(java.util.Comparator.comparingDouble((UsGeography.Place p) ->
                        (double) p.population() * (context.namedStates().contains(p.state()) ? NAMED_STATE_WEIGHT : 1)))
                .orElseThrow();
        return new Found(new KeyFacts.Place(chosen.name(), us.stateName(chosen.state()), UsGeography.COUNTRY),
                sentence, !context.namedStates().contains(chosen.state()));
    }

    /** What the whole article says that helps place a name: the US states it names, the cities abroad it locates. */
    private record Context(Set<String> namedStates, Map<String, Entity> abroad, boolean usTownsOnly) {

        Context(Set<String> namedStates, Map<String, Entity> abroad) {
            this(namedStates, abroad, false);
        }

        /** For patterns that name only US towns: a city abroad then gives no place at all. */
        Context usOnly() {
            return new Context(namedStates, abroad, true);
        }
    }

    /** Cities and regions outside the US the entity extractor located, by name as written and as canonical. */
    private static Map<String, Entity> abroad(List<Entity> entities) {
        Map<String, Entity> out = new HashMap<>();
        for (Entity entity : entities) {
            if (EntityType.LOCATION.equals(entity.type()) && entity.country() != null && entity.canonical() != null
                    && !UsGeography.COUNTRY.equals(entity.country())
                    && ("CITY".equals(entity.subtype()) || "REGION".equals(entity.subtype()))) {
                out.putIfAbsent(entity.text().toLowerCase(Locale.ROOT), entity);
                out.putIfAbsent(entity.canonical().toLowerCase(Locale.ROOT), entity);
            }
        }
        return out;
    }

    /** The states an article names anywhere, by full name, or by abbreviation or code after a comma. */
    private Set<String> namedStates(List<Sentence> sentences) {
        Set<String> out = new HashSet<>();
        for (Sentence sentence : sentences) {
            if (!placesTheEvent(sentence)) {
                continue;
            }
            Matcher m = stateName.matcher(sentence.text());
            while (m.find()) {
                out.add(us.state(m.group(1), false));
            }
            Matcher pair = CITY_STATE.matcher(sentence.text());
            while (pair.find()) {
                String code = us.state(pair.group(2), true);
                if (code != null) {
                    out.add(code);
                }
            }
        }
        out.remove(null);
        return out;
    }

    /** Whether a sentence may say where the event happened: not a station's credit, nor a recalled event. */
    private static boolean placesTheEvent(Sentence sentence) {
        return !STATION_CREDIT.matcher(sentence.text()).matches()
                && !CasualtyMentions.recallsOtherEvents(sentence.text());
    }


    private static String titleCase(String caps) {
        List<String> words = new ArrayList<>();
        for (String word : caps.toLowerCase(Locale.ROOT).split(" ")) {
            if (!word.isEmpty()) {
                words.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        return String.join(" ", words);
    }
}
