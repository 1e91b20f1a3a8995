package io.storyline.enrich.bench;

import io.storyline.common.article.Article;
import io.storyline.enrich.language.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's own articles: fictional news written for Storyline, {@code articles.txt} in English and
 * {@code articles-de.txt}, {@code -fr}, {@code -es} in the other languages enrich reads.
 */
final class BenchArticles {

    private static final String SEPARATOR = "=====";

    private BenchArticles() {
    }

    static List<Article> load() {
        return load(Language.ENGLISH);
    }

    static List<Article> load(Language language) {
        String file = language == Language.ENGLISH ? "articles.txt" : "articles-" + language.code() + ".txt";
        List<Article> out = new ArrayList<>();
        try (InputStream in = BenchArticles.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the benchmark articles are missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.equals(SEPARATOR)) {
                    out.add(article(language, out.size() + 1, lines));
                    lines.clear();
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark articles", e);
        }
        return out;
    }

    private static Article article(Language language, int number, List<String> lines) {
        String body = String.join("\n", lines.subList(2, lines.size()));
        String id = "bench-" + language.code() + "-" + number;
        return new Article(Article.SCHEMA_VERSION, id, null, "storyline-bench", lines.get(0), body,
                lines.get(1), "article", language.code(), null, id);
    }
}
