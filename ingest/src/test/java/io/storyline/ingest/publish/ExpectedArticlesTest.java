package io.storyline.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.ingest.Fixtures;
import io.storyline.ingest.IngestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedArticlesTest {

    @TempDir
    Path dir;

    @Test
    void predictsEveryArticleIdAndEveryRejectionOfAMixedDirectory() throws IOException {
        for (String fixture : List.of("text-source-debris.txt", "text-inline-date.txt", "article.json",
                "articles.jsonl", "feed-rss2.xml", "feed-atom.xml", "feed-xxe.xml")) {
            Files.write(dir.resolve(fixture), Fixtures.bytes(fixture));
        }
        Files.writeString(dir.resolve("duplicate-of-article.json"), Fixtures.text("article.json"));
        Files.writeString(dir.resolve("readme.md"), "not a feed");

        ExpectedArticles.Expectation expectation = ExpectedArticles.of(List.of(dir.toString()),
                IngestSettings.defaults(), null);

        // 2 texts + 1 JSON (sent twice, one id) + 3 JSON lines (one of them headline only) + 3 RSS items (one
        // headline only) + 2 Atom entries.
        assertEquals(11, expectation.articleIds().size(), expectation.articleIds().toString());
        assertTrue(expectation.articleIds().contains("wire-2025-0311-017"));
        assertTrue(expectation.articleIds().contains("jl-1"));
        assertTrue(expectation.articleIds().contains("jl-4"), "a line with a title and no body is an article");
        Map<String, String> rejected = new TreeMap<>();
        expectation.rejected().forEach(r -> rejected.put(dir.relativize(Path.of(r.input().split("[:#]")[0]))
                + r.input().replaceFirst("^[^:#]*", ""), r.reasonCode()));
        assertEquals(Map.of(
                "articles.jsonl:4", "malformed-json",
                "articles.jsonl:6", "not-an-article",
                "articles.jsonl:7", "no-text",
                "feed-xxe.xml", "unparsable-feed",
                "readme.md", "unknown-extension"), rejected);
        assertEquals(Set.copyOf(expectation.articleIds()), expectation.articleIds());
    }
}
