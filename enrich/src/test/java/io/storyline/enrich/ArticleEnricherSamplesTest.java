package io.storyline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.article.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two reference articles the project started from (in ../shared/samples, beside the repository), which
 * together must name the issue's entities. Skipped where the shared folder is absent (a user's clone).
 */
class ArticleEnricherSamplesTest {

    private static final Path SAMPLES = Path.of("..", "..", "shared", "samples");
    private static ArticleEnricher enricher;

    @BeforeAll
    static void build() {
        assumeTrue(Files.isDirectory(SAMPLES), "no shared samples beside the repository");
        enricher = new ArticleEnricher();
    }

    /** The sample as ingest would pass it on: the second one's date marker becomes its publication date. */
    private static EnrichedArticle enrich(String file, String publishedAt) throws IOException {
        String body = Files.readString(SAMPLES.resolve(file)).replaceFirst("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*", "");
        return enricher.enrich(new Article(Article.SCHEMA_VERSION, file, null, null, null, body, publishedAt,
                publishedAt == null ? null : "article", "en", null, file));
    }

    private static List<Entity> entities(String file) throws IOException {
        return enrich(file, null).entities();
    }

    @Test
    void theDatedSampleHasTheStrikeDayAsEventDate() throws IOException {
        assertEquals("2024-11-21", enrich("dnipro-2.txt", "2024-11-21").eventDate());
    }

    @Test
    void theSamplesNameTheIssuesEntities() throws IOException {
        Set<Entity> all = new HashSet<>(entities("dnipro-1.txt"));
        all.addAll(entities("dnipro-2.txt"));
        Set<String> canonical = all.stream().map(Entity::canonical).collect(Collectors.toSet());
        for (String name : List.of("Astrakhan", "Bryansk", "Kursk", "Keir Starmer", "Dmitry Peskov",
                "Vladimir Putin", "Donald Trump", "Kh-101", "ATACMS", "Storm Shadow", "THAAD", "Patriot")) {
            assertTrue(canonical.contains(name), name + " missing from " + canonical);
        }
        assertTrue(all.stream().anyMatch(e -> e.text().equals("Dnipro") && "CITY".equals(e.subtype())
                && "Ukraine".equals(e.country())), "Dnipro, a city in Ukraine");
        assertTrue(all.stream().noneMatch(e -> e.text().equals("Storm")), "'Storm' alone is no entity");
    }
}
