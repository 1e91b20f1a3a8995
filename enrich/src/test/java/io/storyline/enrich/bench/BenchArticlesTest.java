package io.storyline.enrich.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.article.Article;
import io.storyline.enrich.language.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArticlesTest {

    @Test
    void twelveNewsArticlesOfSeveralHundredWordsEach() {
        List<Article> articles = BenchArticles.load();
        assertEquals(12, articles.size());
        for (Article article : articles) {
            article.validate();
            int words = article.body().split("\\s+").length;
            assertTrue(words > 300, article.title() + " has " + words + " words");
            assertTrue(article.publishedDate() != null, article.title());
        }
    }

    @Test
    void twoNewsArticlesOfOverTwoHundredWordsInEachOtherLanguage() {
        for (Language language : List.of(Language.GERMAN, Language.FRENCH, Language.SPANISH)) {
            List<Article> articles = BenchArticles.load(language);
            assertEquals(2, articles.size(), language.code());
            for (Article article : articles) {
                article.validate();
                assertEquals(language.code(), article.language());
                int words = article.body().split("\\s+").length;
                assertTrue(words > 200, article.title() + " has " + words + " words");
            }
        }
    }
}
