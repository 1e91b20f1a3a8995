package io.storyline.aggregate.bench;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EntityType;
import io.storyline.common.article.EventDate;
import io.storyline.common.article.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Invented enriched news for the benchmark and the scaling test: events in made-up towns with made-up people,
 * each reported by one to several outlets over a few days, in a shared crime-news vocabulary, with now and then a
 * reprint (a copy whose MinHash differs in a few minima). Deterministic for a seed. Names come from syllables, so a large stream holds many distinct names and
 * the candidate index sees realistic postings: rare names, common places, very common words.
 */
public final class SyntheticNews {

    private static final String[] SYLLABLES = {"ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa",
        "re", "si", "to", "va", "we", "xo", "ya", "zu", "bro", "cla", "dre", "fli", "gro", "kri", "ple", "sta", "tri"};
    /** The shared vocabulary, drawn Zipf-like: a few words in every article, most in few. */
    private static final String[] COMMON = vocabulary(400);
    private static final double[] COMMON_CUMULATIVE = zipf(COMMON.length);
    private static final String[] SOURCES = {"gazette.example", "herald.example", "tribune.example",
        "courier.example", "ledger.example", "sentinel.example", "times.example", "post.example"};
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private final SplittableRandom random;
    private final int towns;
    private int events;

    /**
     * @param seed  the same seed gives the same news
     * @param towns how many distinct towns events happen in (fewer towns: more events per place)
     */
    public SyntheticNews(long seed, int towns) {
        this.random = new SplittableRandom(seed);
        this.towns = towns;
    }

    /** One event's coverage: its articles, published over the days after {@code day} (days since the start). */
    public List<EnrichedArticle> event(int day) {
        int event = events++;
        String town = capitalised(name(new SplittableRandom(random.nextInt(towns) * 7919L), 4));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            people.add(capitalised(name(random, 2)) + " " + capitalised(name(random, 3)));
        }
        String street = capitalised(name(random, 2)) + " Street";
        List<String> detail = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            detail.add(name(random, 4));
        }
        LocalDate date = START.plusDays(day);
        int reports = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(5));
        List<EnrichedArticle> out = new ArrayList<>();
        for (int r = 0; r < reports; r++) {
            String id = "e" + event + "-" + r;
            String source = SOURCES[random.nextInt(SOURCES.length)];
            LocalDate published = date.plusDays(r == 0 ? 0 : random.nextInt(3));
            Map<String, Integer> terms = new HashMap<>();
            for (int i = 0; i < 120; i++) {
                terms.merge(common(random), 1, Integer::sum);
            }
            for (String word : detail) {
                if (random.nextInt(10) < 7) {
                    terms.merge(word, 1 + random.nextInt(3), Integer::sum);
                }
            }
            terms.merge(town.toLowerCase(Locale.ROOT), 2, Integer::sum);
            List<Entity> entities = new ArrayList<>();
            entities.add(entity(town, EntityType.LOCATION));
            if (random.nextBoolean()) {
                entities.add(entity(street, EntityType.LOCATION));
            }
            for (String person : people) {
                if (random.nextInt(4) > 0) {
                    entities.add(entity(person, EntityType.PERSON));
                    for (String part : person.toLowerCase(Locale.ROOT).split(" ")) {
                        terms.merge(part, 1, Integer::sum);
                    }
                }
            }
            String title = "Shooting in " + town;
            String minhash = minhash(random);
            out.add(article(id, source, title, published, date, entities, terms, minhash));
            if (random.nextInt(12) == 0) {
                // A copy with a line changed: a few minima differ.
                String edited = minhash(random).substring(0, 24) + minhash.substring(24);
                out.add(article(id + "-reprint", SOURCES[random.nextInt(SOURCES.length)], title, published, date,
                        entities, terms, edited));
            }
        }
        return out;
    }

    private static EnrichedArticle article(String id, String source, String title, LocalDate published,
                                           LocalDate eventDate, List<Entity> entities, Map<String, Integer> terms,
                                           String minhash) {
        String body = String.join(" ", terms.keySet());
        Article article = new Article(1, id, "https://" + source + "/" + id, source, title, body,
                published.toString(), "article", "en", Instant.parse("2024-01-01T00:00:00Z"), "h-" + id);
        return new EnrichedArticle(article, List.copyOf(entities),
                List.of(new DateMention(eventDate.toString(), 0, 0, eventDate.toString(), "DATE")),
                eventDate.toString(), new EventDate(eventDate.toString(), "DATE_MENTION", eventDate.toString(), 0),
                new Signature(null, Map.copyOf(terms), minhash));
    }

    private static String minhash(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Signature.MINHASH_SIZE; i++) {
            out.append(String.format("%08x", random.nextInt() & 0xffffffffL));
        }
        return out.toString();
    }

    private static String common(SplittableRandom random) {
        int index = Arrays.binarySearch(COMMON_CUMULATIVE, random.nextDouble());
        return COMMON[Math.min(COMMON.length - 1, index < 0 ? -index - 1 : index)];
    }

    private static String[] vocabulary(int size) {
        SplittableRandom random = new SplittableRandom(1);
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            words[i] = name(random, 2);
        }
        return words;
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static Entity entity(String name, String type) {
        return new Entity(name, type, name, 0, name.length(), null, null);
    }

    private static String name(SplittableRandom random, int syllables) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            out.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return out.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
