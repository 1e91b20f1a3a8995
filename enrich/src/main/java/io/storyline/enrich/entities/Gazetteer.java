package io.storyline.enrich.entities;

import java.util.List;
import java.util.Locale;

/**
 * The closed lists of names: countries (Java's locale data plus {@code countries.tsv}), other places
 * ({@code places.tsv}), nationalities (CoreNLP's demonym list) and organisation variants
 * ({@code organizations.tsv}). Immutable once loaded; shared by every enricher.
 */
final class Gazetteer {

    private static final String DEMONYMS = "/edu/stanford/nlp/models/dcoref/demonyms.txt";

    final PhraseTable<Place> places = new PhraseTable<>(false);
    final PhraseTable<Nationality> nationalities = new PhraseTable<>(false);
    final PhraseTable<String> organizations = new PhraseTable<>(false);

    /** Loaded on first use, once per process (the JVM's class initialisation makes this thread-safe). */
    private static final class Holder {
        static final Gazetteer SHARED = new Gazetteer();
    }

    static Gazetteer shared() {
        return Holder.SHARED;
    }

    private Gazetteer() {
        loadCountries();
        loadPlaces();
        loadNationalities();
        loadOrganizations();
    }

    /** The place a name stands for, or null. */
    Place place(String name) {
        return places.get(name);
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
