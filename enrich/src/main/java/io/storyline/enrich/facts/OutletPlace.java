package io.storyline.enrich.facts;

import io.storyline.common.facts.KeyFacts;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where a local outlet is, from its web address: local newsrooms put their city or state in their name
 * ("chicagotribune.com", "abc7chicago.com", "dallasnews.com", "oregonlive.com"), and a local report that names no
 * place at all happened there or nearby. The last resort of the event place, marked inferred: a city of 100,000
 * people or more, or a state, written whole in the host name (longest name first, then the most populous).
 */
final class OutletPlace {

    /** Cities smaller than this rarely name an outlet, and short town names hide inside other words. */
    private static final int CITY_POPULATION = 100_000;
    private static final int SHORTEST_NAME = 5;

    private record Candidate(String squashed, KeyFacts.Place place, int population) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    OutletPlace(UsGeography us) {
        for (UsGeography.Place city : us.placesOfAtLeast(CITY_POPULATION)) {
            add(city.name(), new KeyFacts.Place(city.name(), us.stateName(city.state()), UsGeography.COUNTRY),
                    city.population());
        }
        for (String state : us.stateFullNames()) {
            add(state, new KeyFacts.Place(null, state, UsGeography.COUNTRY), 0);
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.squashed().length()).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::population).reversed())
                .thenComparing(Candidate::squashed));
    }

    private void add(String name, KeyFacts.Place place, int population) {
        String squashed = squash(name);
        if (squashed.length() >= SHORTEST_NAME) {
            candidates.add(new Candidate(squashed, place, population));
        }
        if (name.startsWith("Saint ")) {
            candidates.add(new Candidate(squash("St " + name.substring(6)), place, population));
        }
    }

    /** The place the outlet of {@code url} names, or null. */
    KeyFacts.Place of(String url) {
        String host = host(url);
        if (host == null) {
            return null;
        }
        for (Candidate candidate : candidates) {
            if (host.contains(candidate.squashed())) {
                return candidate.place();
            }
        }
        return null;
    }

    /**
     * The outlet's own name in its host, letters only: the label before the top-level domain ("abc7chicago" of
     * "www.abc7chicago.com"); sub-domains ("mobile.", "m.", "amp.") are not the outlet's name.
     */
    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return null;
            }
            String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
            return labels.length < 2 ? null : squash(labels[labels.length - 2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
