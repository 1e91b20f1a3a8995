package io.storyline.aggregate.clustering;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EntityType;
import io.storyline.common.facts.KeyFacts;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the clustering engine knows of one article: the enrich output reduced to comparable features.
 *
 * @param headline  whether {@code title} is the article's headline (else its lead sentence)
 * @param timestamp the Kafka record time (ms): when Storyline saw it; first_seen and last_updated come from it
 * @param day       when the article appeared, in days since the epoch ({@link #day(Article, String, long)}): the
 *                  clock of time distances, incident ages and retirement
 * @param minhash   the body's MinHash ({@link io.storyline.common.article.Signature#minhash}), empty when absent
 * @param terms     normalised term counts of title and body
 * @param entities  entity keys ({@link #entityKey}) with their mention counts
 * @param dates     day-precise dates mentioned in the body ({@code 2016-07-16})
 * @param countries the countries the article's places lie in (or are), by canonical name, sorted
 * @param url         the article's link, for the incident events (null where it has none)
 * @param publishedAt its publication time as the source said, for the incident events
 * @param facts     what the article reports of killed, injured, date and place (enrich's {@code facts}), or null
 * @param regions   the regions (states, provinces) the article names, by canonical name, sorted
 * @param localPlaces the places the gazetteer does not know (streets, neighbourhoods, towns), as entity match
 *                  keys ({@link #matchKey}), sorted: where in a city or county the event happened
 * @param language  the article's language as ingest detected it ({@code en}, {@code de}, ...), or null
 */
public record ArticleFeatures(
        String id,
        String source,
        String title,
        boolean headline,
        String contentHash,
        long timestamp,
        double day,
        String eventDate,
        String minhash,
        Map<String, Integer> terms,
        Map<String, Integer> entities,
        List<String> dates,
        List<String> countries,
        String url,
        String publishedAt,
        KeyFacts facts,
        List<String> regions,
        List<String> localPlaces,
        String language) {

    /** The language whose headlines make an incident's title where a member has one (readers are English-first). */
    static final String TITLE_LANGUAGE = "en";

    /** {@code Entity.subtype} of a place that is a state, province or other first-level region. */
    static final String REGION = "REGION";

    private static final double MILLIS_PER_DAY = 86_400_000d;
    /** {@code published_at_source} of an article whose source gave no date: ingest used the record time. */
    static final String RECORD_TIMESTAMP = "record_timestamp";
    /** The source of articles that name none and have no URL. */
    public static final String UNKNOWN_SOURCE = "unknown";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /**
     * The end of a sentence: a full stop, question or exclamation mark before a space and a capital or a quote,
     * not after a title or an initial ("Dr. Holm", "U.S. Army"); the JDK's sentence iterator stops at both.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b\\p{Lu}\\p{Ll}{0,3})[.!?](?= [\\p{Lu}\"“])");
    static final int TITLE_LENGTH = 120;

    public static ArticleFeatures of(EnrichedArticle article, long timestamp) {
        Map<String, Integer> entities = new TreeMap<>();
        for (Entity entity : article.entities()) {
            String key = entityKey(entity);
            if (key != null) {
                entities.merge(key, 1, Integer::sum);
            }
        }
        List<String> dates = new ArrayList<>();
        for (DateMention mention : article.dates()) {
            if (mention.value() != null && mention.value().length() == 10 && !dates.contains(mention.value())) {
                dates.add(mention.value());
            }
        }
        var a = article.article();
        Map<String, Integer> terms = article.signature().terms() == null ? Map.of()
                : new HashMap<>(article.signature().terms());
        return new ArticleFeatures(a.id(), source(a), title(a), hasHeadline(a),
                a.contentHash(), timestamp, day(a, article.eventDate(), timestamp), article.eventDate(),
                article.signature().minhash() == null ? "" : article.signature().minhash(), terms, entities,
                List.copyOf(dates), countries(article.entities()), a.url(), a.publishedAt(),
                article.facts(), regions(article.entities()), localPlaces(article.entities()), a.language());
    }

    private static boolean hasHeadline(Article article) {
        return article.title() != null && !article.title().isBlank();
    }

    /**
     * The article's headline; for a text without one (a pasted article, a wire item), its lead sentence, cut at a
     * word near {@link #TITLE_LENGTH} characters: an incident needs a line a person can recognise it by.
     */
    static String title(Article article) {
        if (hasHeadline(article)) {
            return article.title().strip();
        }
        String body = article.body() == null ? "" : WHITESPACE.matcher(article.body().strip()).replaceAll(" ");
        Matcher sentence = SENTENCE_END.matcher(body);
        String lead = sentence.find() ? body.substring(0, sentence.start() + 1) : body;
        if (lead.length() <= TITLE_LENGTH) {
            return lead;
        }
        int cut = lead.lastIndexOf(' ', TITLE_LENGTH);
        return lead.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH) + "…";
    }

    /**
     * The countries the article's places lie in, where it says clearly: when at least half of its place mentions
     * are located (a place counts as located in the whole article once one of its mentions is, "Baton Rouge,
     * Louisiana" then "Baton Rouge"); otherwise none, because the unlocated places may lie anywhere, and a US
     * local report that names a veteran's service in Iraq does not happen in Iraq.
     */
    static List<String> countries(List<Entity> entities) {
        Map<String, String> countryOf = new HashMap<>();
        for (Entity entity : entities) {
            if (EntityType.LOCATION.equals(entity.type()) && entity.country() != null && !entity.country().isBlank()) {
                countryOf.putIfAbsent(entityKey(entity), entity.country().trim());
            }
        }
        int places = 0;
        int located = 0;
        Set<String> countries = new TreeSet<>();
        for (Entity entity : entities) {
            if (EntityType.LOCATION.equals(entity.type()) && entityKey(entity) != null) {
                places++;
                String country = countryOf.get(entityKey(entity));
                if (country != null) {
                    located++;
                    countries.add(country);
                }
            }
        }
        return places > 0 && located * 2 >= places ? List.copyOf(countries) : List.of();
    }

    /** The regions the article names (a state, a province), whatever else it says. */
    static List<String> regions(List<Entity> entities) {
        Set<String> regions = new TreeSet<>();
        for (Entity entity : entities) {
            if (EntityType.LOCATION.equals(entity.type()) && REGION.equals(entity.subtype())
                    && entityKey(entity) != null) {
                regions.add(nameOf(entityKey(entity)));
            }
        }
        return List.copyOf(regions);
    }

    /**
     * The places the article names that the gazetteer does not place (no subtype): streets, neighbourhoods, towns,
     * buildings. Two reports of one city's news that name different ones of these are usually about different events.
     */
    static List<String> localPlaces(List<Entity> entities) {
        Set<String> places = new TreeSet<>();
        for (Entity entity : entities) {
            String key = entityKey(entity);
            if (EntityType.LOCATION.equals(entity.type()) && entity.subtype() == null && key != null) {
                places.add(matchKey(key));
            }
        }
        return List.copyOf(places);
    }

    /**
     * The outlet: the source ingest recorded, else the host of the article's URL, else {@link #UNKNOWN_SOURCE}
     * (all articles of unknown origin count as one source, so they never inflate an incident's corroboration).
     */
    static String source(Article article) {
        if (article.source() != null && !article.source().isBlank()) {
            return article.source().trim();
        }
        if (article.url() != null) {
            try {
                String host = URI.create(article.url().trim()).getHost();
                if (host != null && !host.isBlank()) {
                    return host;
                }
            } catch (IllegalArgumentException e) {
                // Not a URL after all: the origin is unknown.
            }
        }
        return UNKNOWN_SOURCE;
    }

    /** {@code TYPE|canonical}, the canonical name as enrich spelled it; null for a mention without a name. */
    public static String entityKey(Entity entity) {
        String name = entity.canonical() != null && !entity.canonical().isBlank() ? entity.canonical() : entity.text();
        if (name == null || name.isBlank() || entity.type() == null) {
            return null;
        }
        return entity.type() + "|" + name.trim();
    }

    /** The type part of an entity key. */
    public static String typeOf(String entityKey) {
        return entityKey.substring(0, entityKey.indexOf('|'));
    }

    /** The name part of an entity key. */
    public static String nameOf(String entityKey) {
        return entityKey.substring(entityKey.indexOf('|') + 1);
    }

    /** The form under which an entity key is indexed and compared: case and spacing do not matter. */
    public static String matchKey(String entityKey) {
        return WHITESPACE.matcher(entityKey.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * When the article appeared. Its published_at where the source gave one; where that is only the time Storyline
     * saw it (a pasted text without a date, an archive replayed today), the event date enrich estimated from the
     * text is the better clue; else the record time.
     */
    static double day(Article article, String eventDate, long timestamp) {
        if (RECORD_TIMESTAMP.equals(article.publishedAtSource()) && eventDate != null && eventDate.length() == 10) {
            try {
                return LocalDate.parse(eventDate).toEpochDay();
            } catch (DateTimeParseException e) {
                // Not a day: fall through to what ingest recorded.
            }
        }
        return day(article.publishedAt(), timestamp);
    }

    static double day(String publishedAt, long timestamp) {
        if (publishedAt != null) {
            try {
                if (publishedAt.length() <= 10) {
                    return LocalDate.parse(publishedAt).toEpochDay();
                }
                return OffsetDateTime.parse(publishedAt).toInstant().toEpochMilli() / MILLIS_PER_DAY;
            } catch (DateTimeParseException e) {
                // Validated upstream; a value that still does not parse falls back to the record time.
            }
        }
        return timestamp / MILLIS_PER_DAY;
    }
}
