package io.storyline.enrich.entities;

import io.storyline.enrich.language.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The closed lists of names of one language, each name mapped to one canonical entity named in English: countries
 * (Java's locale data in English and in the language, plus {@code countries.tsv}), other places ({@code places.tsv},
 * and for German, French and Spanish their names in {@code place-names.tsv}, generated from GeoNames), nationalities
 * (CoreNLP's English demonym list) and organisation variants ({@code organizations.tsv}). Immutable once loaded;
 * shared by every enricher of the language.
 */
final class Gazetteer {

    private static final String DEMONYMS = "/edu/stanford/nlp/models/dcoref/demonyms.txt";
    private static final Map<Language, Gazetteer> LOADED = new ConcurrentHashMap<>();

    final PhraseTable<Place> places = new PhraseTable<>(false);
    final PhraseTable<Nationality> nationalities = new PhraseTable<>(false);
    final PhraseTable<String> organizations = new PhraseTable<>(false);

    /** English's lists. */
    static Gazetteer shared() {
        return forLanguage(Language.ENGLISH);
    }

    /** A language's lists, loaded at its first use, once per process. */
    static Gazetteer forLanguage(Language language) {
        return LOADED.computeIfAbsent(language, Gazetteer::new);
    }

    private final Language language;

    private Gazetteer(Language language) {
        this.language = language;
        loadCountries();
        if (language != Language.ENGLISH) {
            loadLocalCountries(language.locale());
        }
        loadPlaces();
        if (language != Language.ENGLISH) {
            loadLocalPlaces(language);
        } else {
            loadNationalities();
        }
        loadOrganizations();
    }

    /** Countries as the language names them ("Russland", "Allemagne", "Estados Unidos"), to their English name. */
    private void loadLocalCountries(Locale locale) {
        for (String code : Locale.getISOCountries()) {
            Place english = places.get(new Locale("", code).getDisplayCountry(Locale.ENGLISH));
            String local = new Locale("", code).getDisplayCountry(locale);
            if (english != null && !local.isBlank()) {
                addLocal(local, english);
                addLocal(local.replace(" & ", " und ").replace(" & ", " et ").replace(" & ", " y "), english);
            }
        }
    }

    /**
     * Cities and regions as the language names them (GeoNames): a translation of a place {@code places.tsv} lists
     * is that place ("Moskau" is Moscow, in Russia); any other is a place only where the tagger agrees (the list
     * holds thousands of small towns whose names are also words), with its country where GeoNames gives it.
     */
    private void loadLocalPlaces(Language language) {
        int column = switch (language) {
            case GERMAN -> 3;
            case FRENCH -> 4;
            default -> 5;
        };
        for (String[] row : DataFile.rows("place-names.tsv", 6)) {
            List<String> names = DataFile.names(row[column]);
            if (names.isEmpty()) {
                continue;
            }
            Place listed = places.get(row[0]);
            Place place;
            if (listed != null && !"COUNTRY".equals(listed.subtype())) {
                place = listed;
            } else {
                String country = row[2].isEmpty() ? null
                        : new Locale("", row[2]).getDisplayCountry(Locale.ENGLISH);
                Place countryPlace = country == null ? null : places.get(country);
                place = new Place(row[0], row[1], countryPlace == null ? country : countryPlace.canonical(), true);
            }
            for (String name : names) {
                addLocal(name, place);
            }
        }
    }

    /**
     * A place's name in the language; French also under its capitals without accents, as French print long set
     * them ("Etats-Unis", "Equateur").
     */
    private void addLocal(String name, Place place) {
        places.add(name, place);
        if (language == Language.FRENCH) {
            String plain = FrenchSpelling.unaccentedCapitals(name);
            if (!plain.equals(name)) {
                places.add(plain, place);
            }
        }
    }

    /**
     * The place a name stands for, or null. German declines place names, and the lists hold the nominative:
     * "Österreichs" (genitive) is Österreich, "den Vereinigten Staaten" the Vereinigte Staaten, "des Weißen Hauses"
     * the Weiße Haus. A declined form counts only where its nominative is listed.
     */
    Place place(String name) {
        Place place = places.get(name);
        if (place == null && name.contains(" - ")) {
            // "Etats - Unis": a hyphen set apart by OCR or a tokenised source
            place = places.get(name.replace(" - ", "-"));
        }
        if (place != null || language != Language.GERMAN) {
            return place;
        }
        for (String nominative : GermanDeclension.nominatives(name)) {
            place = places.get(nominative);
            if (place != null) {
                return place;
            }
        }
        return null;
    }

    private void loadCountries() {
        java.util.Map<String, String[]> extra = new java.util.HashMap<>();
        for (String[] row : DataFile.rows("countries.tsv", 4)) {
            extra.put(row[0], row);
        }
        for (String code : Locale.getISOCountries()) {
            String cldrName = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            String[] row = extra.get(code);
            String canonical = row != null && !row[1].isEmpty() ? row[1] : cldrName.replace(" & ", " and ");
            boolean ambiguous = row != null && row[3].equals("ambiguous");
            Place place = new Place(canonical, "COUNTRY", canonical, ambiguous);
            places.add(canonical, place);
            places.add(cldrName, place);
            if (cldrName.startsWith("St. ")) {
                places.add("Saint " + cldrName.substring(4).replace(" & ", " and "), place);
            }
            if (row != null) {
                for (String alias : DataFile.names(row[2])) {
                    places.add(alias, place);
                }
            }
        }
    }

    private void loadPlaces() {
        for (String[] row : DataFile.rows("places.tsv", 5)) {
            Place place = new Place(row[0], row[1], row[2].isEmpty() ? null : row[2], row[4].equals("ambiguous"));
            places.add(row[0], place);
            for (String alias : DataFile.names(row[3])) {
                places.add(alias, place);
            }
        }
    }

    /**
     * CoreNLP's demonym list: a place, then its adjective and the names of its people. Only places that are
     * countries or wider areas here keep the country; a demonym of a city ("Muscovite") still counts.
     */
    private void loadNationalities() {
        for (String[] row : DataFile.rows(Gazetteer.class, DEMONYMS, 8)) {
            if (row[1].isEmpty()) {
                continue;
            }
            Place place = places.get(row[0].replaceAll("\\.$", ""));
            String country = place == null ? row[0] : place.country() == null ? place.canonical() : place.country();
            Nationality nationality = new Nationality(row[1], country);
            for (int i = 1; i < row.length; i++) {
                if (!row[i].isEmpty()) {
                    nationalities.add(row[i], nationality);
                }
            }
        }
    }

    private void loadOrganizations() {
        for (String[] row : DataFile.rows("organizations.tsv", 2)) {
            organizations.add(row[0], row[0]);
            for (String alias : DataFile.names(row[1])) {
                organizations.add(alias, row[0]);
            }
        }
    }

    static List<String> regionWords() {
        return List.of("region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "governorate",
                "governorates", "district", "districts", "county", "counties", "prefecture", "territory");
    }
}
