package io.storyline.enrich.bench;

import io.storyline.common.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's own articles ({@code articles.txt}: fictional news written for Storyline). */
final class BenchArticles {

    private static final String SEPARATOR = "=====";

    private BenchArticles() {
    }

    static List<Article> load() {
        List<Article> out = new ArrayList<>();
        try (InputStream in = BenchArticles.class.getResourceAsStream("articles.txt")) {
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
                    out.add(article(out.size() + 1, lines));
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

    private static Article article(int number, List<String> lines) {
        String body = String.join("\n", lines.subList(2, lines.size()));
        return new Article(Article.SCHEMA_VERSION, "bench-" + number, null, "storyline-bench", lines.get(0), body,
                lines.get(1), "article", "en", null, "bench-" + number);
    }
}
