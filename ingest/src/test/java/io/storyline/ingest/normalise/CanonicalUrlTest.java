package io.storyline.ingest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storyline.common.deadletter.RejectedRecordException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "HTTPS://News.Example.COM/World/Story-1.html, https://news.example.com/World/Story-1.html",
            "https://news.example:443/a?id=7#comments, https://news.example/a?id=7",
            "http://news.example:8080/a, http://news.example:8080/a",
            "https://news.example/a?utm_source=rss&utm_medium=feed&id=7&fbclid=x&gclid=y, https://news.example/a?id=7",
            "https://news.example/a?ref=homepage&page=2&mc_cid=1, https://news.example/a?page=2",
            "https://amp.news.example/a/b, https://news.example/a/b",
            "https://news.example/a/b/amp, https://news.example/a/b",
            "https://news.example/amp/a/b, https://news.example/a/b",
            "https://news.example/a/b.amp.html, https://news.example/a/b.html",
            "https://news.example/a/b?amp=1, https://news.example/a/b",
            "https://news-example.cdn.ampproject.org/c/s/news.example/a/b?utm_source=x, https://news.example/a/b",
            "www.news.example/a, https://www.news.example/a",
            "https://news.example, https://news.example/",
            "https://bücher.example/a, https://xn--bcher-kva.example/a",
    })
    void canonicalises(String given, String canonical) {
        assertEquals(canonical, CanonicalUrl.of(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://news.example/a", "/relative/path", "mailto:desk@news.example", "https://", "not a url"})
    void rejectsWhatIsNoWebAddress(String given) {
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> CanonicalUrl.of(given));
        assertEquals("invalid-url", e.reasonCode());
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.news.example/a, news.example",
            "https://xn--bcher-kva.example/a, bücher.example",
    })
    void sourceIsTheHostWithoutWww(String url, String source) {
        assertEquals(source, CanonicalUrl.sourceOf(url));
    }
}
