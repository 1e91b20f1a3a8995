package io.storyline.enrich.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storyline.common.article.Article;
import io.storyline.common.json.InvalidRecordException;
import org.junit.jupiter.api.Test;

class ArticleLinesTest {

    @Test
    void theRawFeedFormGetsPlainDefaults() {
        Article article = ArticleLines.parse("{\"url\":\"https://example.org/x\",\"title\":\"T\",\"body\":\"B\"}");
        assertEquals(Article.SCHEMA_VERSION, article.schemaVersion());
        assertEquals(32, article.id().length());
        assertEquals(64, article.contentHash().length());
        assertEquals(article.id(), ArticleLines.parse("{\"url\":\"https://example.org/x\",\"body\":\"C\"}").id());
    }

    @Test
    void aDateTimeWithoutOffsetIsReadAsUtcAsIngestReadsIt() {
        Article article = ArticleLines.parse("{\"id\":\"x\",\"body\":\"B\",\"published_at\":\"1998-11-21T17:17\"}");
        assertEquals("1998-11-21T17:17Z", article.publishedAt());
    }

    @Test
    void aFullRecordIsTakenAsItIs() {
        Article article = ArticleLines.parse("{\"schema_version\":1,\"id\":\"x\",\"body\":\"B\",\"content_hash\":\"c\","
                + "\"published_at\":\"2025-01-02\",\"published_at_source\":\"feed\"}");
        assertEquals("x", article.id());
        assertEquals("c", article.contentHash());
        assertEquals("feed", article.publishedAtSource());
    }

    @Test
    void whatIsNotAnArticleIsRejectedWithAReason() {
        assertEquals("not a JSON object", assertThrows(InvalidRecordException.class,
                () -> ArticleLines.parse("[1,2]")).getMessage());
        assertThrows(InvalidRecordException.class,
                () -> ArticleLines.parse("{\"body\":\"B\",\"published_at\":\"yesterday\"}"));
    }

    @Test
    void aProgressMarkOfATopicDumpIsNoArticle() {
        assertNull(ArticleLines.parse("{\"schema_version\":1,\"source\":0,\"sources\":3,\"time\":1,"
                + "\"caught_up\":true}"));
    }
}
