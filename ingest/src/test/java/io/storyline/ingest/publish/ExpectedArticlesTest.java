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

        // 2 texts + 1 JSON (sent twice, one id) + 2 good JSON lines + 2 RSS items + 2 Atom entries.
        assertEquals(9, expectation.articleIds().size(), expectation.articleIds().toString());
        assertTrue(expectation.articleIds().contains("wire-2025-0311-017"));
        assertTrue(expectation.articleIds().contains("jl-1"));
        Map<String, String> rejected = new TreeMap<>();
        expectation.rejected().forEach(r -> rejected.put(dir.relativize(Path.of(r.input().split("[:#]")[0]))
                + r.input().replaceFirst("^[^:#]*", ""), r.reasonCode()));
        assertEquals(Map.of(
                "articles.jsonl:4", "malformed-json",
                "articles.jsonl:5", "body-missing",
                "articles.jsonl:6", "not-an-article",
                "feed-rss2.xml#3", "body-missing",
                "feed-xxe.xml", "unparsable-feed",
                "readme.md", "unknown-extension"), rejected);
        assertEquals(Set.copyOf(expectation.articleIds()), expectation.articleIds());
    }
}
