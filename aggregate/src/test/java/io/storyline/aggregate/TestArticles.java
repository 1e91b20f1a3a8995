package io.storyline.aggregate;

import io.storyline.common.article.Article;
import io.storyline.common.article.DateMention;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import io.storyline.common.article.EventDate;
import io.storyline.common.article.Signature;
import io.storyline.common.facts.KeyFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Enriched articles for tests, written here (never taken from evaluation data). Terms are counted with a plain
 * word split, which is all the engine needs from a signature; entities are given as "TYPE:Name".
 */
public final class TestArticles {

    private TestArticles() {
    }

    public static Builder article(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String source = "example.org";
        private String title = "";
        private String body = "";
        private String publishedAt = "2024-03-04";
        private String eventDate;
        private String minhash = "";
        private final List<Entity> entities = new ArrayList<>();
        private final List<DateMention> dates = new ArrayList<>();
        private String contentHash;
        private KeyFacts facts;
        private String language = "en";

        Builder(String id) {
            this.id = id;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder body(String value) {
            body = value;
            return this;
        }

        public Builder published(String value) {
            publishedAt = value;
            return this;
        }

        public Builder eventDate(String value) {
            eventDate = value;
            dates.add(new DateMention(value, 0, 0, value, "DATE"));
            return this;
        }

        /** See {@link TestArticles#minhash}. */
        public Builder minhash(String value) {
            minhash = value;
            return this;
        }

        public Builder contentHash(String value) {
            contentHash = value;
            return this;
        }

        /** The language ingest detected. */
        public Builder language(String value) {
            language = value;
            return this;
        }

        /** The key facts enrich read from the article. */
        public Builder facts(KeyFacts value) {
            facts = value;
            return this;
        }

        /** {@code TYPE:Name}, e.g. {@code LOCATION:Millbrook}. */
        public Builder entities(String... typedNames) {
            for (String typed : typedNames) {
                int colon = typed.indexOf(':');
                String name = typed.substring(colon + 1);
                entities.add(new Entity(name, typed.substring(0, colon), name, 0, name.length(), null, null));
            }
            return this;
        }

        /** A place in a country, as enrich locates it. */
        public Builder place(String name, String country) {
            entities.add(new Entity(name, "LOCATION", name, 0, name.length(), "CITY", country));
            return this;
        }

        public EnrichedArticle build() {
            Article article = new Article(1, id, "https://" + source + "/" + id, source, title, body, publishedAt,
                    "article", language, Instant.parse("2024-03-05T00:00:00Z"),
                    contentHash != null ? contentHash : Integer.toHexString((title + body).hashCode()));
            return new EnrichedArticle(article, List.copyOf(entities), List.copyOf(dates), eventDate,
                    eventDate == null ? null : new EventDate(eventDate, "DATE_MENTION", eventDate, 0),
                    new Signature(null, terms(title + " " + body), minhash), null, null, facts);
        }
    }

    /**
     * A MinHash signature standing for a text named {@code text}, with its first {@code edited} minima changed:
     * two of them agree on {@code 1 - edited / 64} of their positions, as a copy with that share of new text would.
     */
    public static String minhash(String text, int edited) {
        SplittableRandom same = new SplittableRandom(text.hashCode());
        SplittableRandom other = new SplittableRandom(~text.hashCode());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Signature.MINHASH_SIZE; i++) {
            long value = same.nextInt() & 0xffffffffL;
            long changed = other.nextInt() & 0xffffffffL;
            out.append(String.format("%08x", i < edited ? changed : value));
        }
        return out.toString();
    }

    static Map<String, Integer> terms(String text) {
        Map<String, Integer> terms = new TreeMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                terms.merge(word, 1, Integer::sum);
            }
        }
        return terms;
    }
}
