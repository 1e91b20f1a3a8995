package io.storyline.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated {@code news.raw} records: random bytes and strings, and well-formed, nearly well-formed and broken
 * instances of every format, under every content-type header ingest knows and some it does not.
 */
final class RawInputs {

    /** A record as a producer would send it. */
    record Input(byte[] value, String contentType) {
        @Override
        public String toString() {
            String text = value == null ? "null" : new String(value, StandardCharsets.UTF_8);
            return "[" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private static final List<String> DEBRIS = List.of("Comment (0)", "Share", "Facebook Twitter Email",
            "A view of the harbour. (Photo: Coast Wire)", "Read more: other stories", "Tags: harbour, storm",
            "© 2025 Coast Wire", "Advertisement", "Source: https://coast.example/a?utm_source=x",
            "Source: Coast Wire", "Source: not a url at all");

    private RawInputs() {
    }

    static Arbitrary<Input> inputs() {
        Arbitrary<String> contentTypes = Arbitraries.of("application/json", "application/x-ndjson", "text/plain",
                "application/rss+xml", "application/atom+xml", "text/html", "application/pdf",
                "text/plain; charset=ISO-8859-1", "text/plain; charset=no-such-charset", "").injectNull(0.4);
        Arbitrary<byte[]> values = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                Arbitraries.strings().all().ofMaxLength(400).map(RawInputs::utf8),
                jsonObjects().map(RawInputs::utf8),
                jsonObjects().list().ofMinSize(1).ofMaxSize(4).map(lines -> utf8(String.join("\n", lines))),
                texts().map(RawInputs::utf8),
                feeds().map(RawInputs::utf8),
                Arbitraries.oneOf(jsonObjects(), feeds(), texts())
                        .flatMap(text -> Arbitraries.integers().between(0, text.length())
                                .map(cut -> utf8(text.substring(0, cut)))));
        return Combinators.combine(values, contentTypes).as(Input::new);
    }

    static Arbitrary<String> words() {
        return Arbitraries.oneOf(
                Arbitraries.of("The", "harbour", "storm", "closed", "on", "Monday", "officials", "said", "ferries",
                        "café", "naïve", "Zürich", "东京", "Киев", "<p>", "</p>", "&amp;", "&", "<", "\u00A0",
                        "\u200B", "\t", "\n", "\n\n", "date", "2025-03-11", "(Photo: X)", "http://", "\"", "\\"),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    static Arbitrary<String> sentences() {
        return words().list().ofMaxSize(30).map(w -> String.join(" ", w));
    }

    static Arbitrary<String> texts() {
        Arbitrary<String> marker = Combinators.combine(Arbitraries.integers().between(0, 3000),
                        Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("date %04d-%02d-%02d ", y, m, d));
        Arbitrary<String> line = Arbitraries.oneOf(sentences(), Arbitraries.of(DEBRIS));
        return Combinators.combine(marker.injectNull(0.5), line.list().ofMaxSize(12))
                .as((m, lines) -> (m == null ? "" : m) + String.join("\n", lines));
    }

    static Arbitrary<String> dates() {
        return Arbitraries.oneOf(Arbitraries.of("2025-03-11", "2025-03-11T08:00:00Z", "Tue, 11 Mar 2025 08:00:00 GMT",
                        "1741680000", "2999-01-01", "1066-10-14", "yesterday", ""),
                Arbitraries.strings().ofMaxLength(30));
    }

    static Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of("https://coast.example/a?utm_source=x#c", "http://AMP.coast.example/a/amp",
                        "www.coast.example/b", "javascript:alert(1)", "https://", "/relative", "https://bücher.example/ä"),
                Arbitraries.strings().ofMaxLength(40));
    }

    static Arbitrary<String> jsonObjects() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(20).injectNull(0.6), urls().injectNull(0.4),
                        sentences().injectNull(0.3), sentences().injectNull(0.1), dates().injectNull(0.4),
                        Arbitraries.of("en", "fr-CA", "xx", "", "EN_us").injectNull(0.6))
                .as((id, url, title, body, date, language) -> {
                    ObjectNode node = Json.mapper().createObjectNode();
                    node.put("id", id);
                    node.put("url", url);
                    node.put("title", title);
                    node.put("body", body);
                    node.put("published_at", date);
                    node.put("language", language);
                    return node.toString();
                });
    }

    static Arbitrary<String> feeds() {
        Arbitrary<String> item = Combinators.combine(sentences(), urls(), sentences(), dates(), Arbitraries.of(true, false))
                .as((title, link, description, date, escape) -> "<item><title>" + xml(title, escape) + "</title><link>"
                        + xml(link, escape) + "</link><pubDate>" + xml(date, escape) + "</pubDate><description>"
                        + xml(description, escape) + "</description></item>");
        return item.list().ofMaxSize(4).map(items -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                + "<channel><title>Coast Wire</title><link>https://coast.example/</link><description>d</description>"
                + String.join("", items) + "</channel></rss>");
    }

    private static String xml(String text, boolean escape) {
        return escape ? text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
