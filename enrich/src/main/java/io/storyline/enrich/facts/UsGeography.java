package io.storyline.enrich.facts;

import io.storyline.enrich.entities.DataFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The US states (ISO 3166-2:US names, USPS codes, AP abbreviations; {@code us-states.tsv}) and the US places of
 * 1,000 people or more with their state and population (GeoNames; {@code us-places.tsv}); see
 * {@code enrich/data/build-fact-tables.sh} for where both come from. Immutable once loaded; shared.
 */
final class UsGeography {

    static final String COUNTRY = "United States";
    /** The District of Columbia's code, and the city it is. */
    static final String CAPITAL_DISTRICT = "DC";
    static final String CAPITAL = "Washington";

    /** A populated place: its name as GeoNames writes it, its state's USPS code, its population. */
    record Place(String name, String state, int population) {
    }

    private final Map<String, String> stateNames = new HashMap<>();
    private final Map<String, String> stateByWord = new HashMap<>();
    private final Map<String, List<Place>> places = new HashMap<>();

    private static final class Holder {
        static final UsGeography SHARED = new UsGeography();
    }

    static UsGeography shared() {
        return Holder.SHARED;
    }

    private UsGeography() {
        for (String[] row : DataFile.rows(UsGeography.class, "us-states.tsv", 4)) {
            stateNames.put(row[0], row[1]);
            stateByWord.put(row[1].toLowerCase(Locale.ROOT), row[0]);
            if (!row[3].isEmpty()) {
                stateByWord.put(row[3].toLowerCase(Locale.ROOT), row[0]);
            }
        }
        for (String[] row : DataFile.rows(UsGeography.class, "us-places.tsv", 3)) {
            Place place = new Place(fullName(row[0]), row[1], Integer.parseInt(row[2]));
            places.computeIfAbsent(key(row[0]), k -> new ArrayList<>()).add(place);
            // GeoNames names the capital "Washington, D.C."; news writes "Washington".
            if (row[0].contains(", D.C.")) {
                places.computeIfAbsent(key(row[0].replace(", D.C.", "")), k -> new ArrayList<>()).add(place);
            }
        }
        places.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.population(), a.population())));
        places.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The full name of a state by its USPS code ("TX" → "Texas"). */
    String stateName(String code) {
        return stateNames.get(code);
    }

    /**
     * The USPS code of a state named by its full name or AP abbreviation ("Texas", "Calif.", "W.Va."), or by its
     * USPS code when {@code codes} ("TX", as datelines write it); null when it names none.
     */
    String state(String words, boolean codes) {
        String w = words.trim().toLowerCase(Locale.ROOT);
        String code = stateByWord.get(w);
        if (code == null && !w.endsWith(".")) {
            code = stateByWord.get(w + ".");
        }
        if (code == null && codes && words.trim().matches("[A-Z]{2}") && stateNames.containsKey(words.trim())) {
            code = words.trim();
        }
        return code;
    }

    /** Every listed place of at least {@code population} people. */
    List<Place> placesOfAtLeast(int population) {
        return places.values().stream().flatMap(List::stream).filter(p -> p.population() >= population).distinct()
                .toList();
    }

    /** The places of that name, most populous first; empty when none is listed. */
    List<Place> places(String name) {
        return places.getOrDefault(key(name), Collections.emptyList());
    }

    /** Every full state name, longest first (so "West Virginia" is found whole), for finding them in text. */
    List<String> stateFullNames() {
        return stateNames.values().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(n -> n))
                .toList();
    }

    /** A town's name without abbreviation, as GeoNames writes most: "St. Louis" is "Saint Louis". */
    static String fullName(String name) {
        return name.replaceFirst("^St\\. ", "Saint ").replaceFirst("^Ft\\. ", "Fort ").replaceFirst("^Mt\\. ", "Mount ");
    }

    /**
     * Spelling differences that do not make another place: case, full stops, "Saint"/"St.", "Fort"/"Ft.", a leading
     * "The" ("The Bronx" is written "the Bronx" and "Bronx").
     */
    private static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").trim()
                .replaceFirst("^the ", "");
        return k.replaceFirst("^saint ", "st ").replaceFirst("^fort ", "ft ").replaceFirst("^mount ", "mt ");
    }
}
