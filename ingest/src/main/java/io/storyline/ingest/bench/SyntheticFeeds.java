package io.storyline.ingest.bench;

import io.storyline.ingest.format.ContentType;
import io.storyline.ingest.publish.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible mix of {@code news.raw} records for measuring ingest: pasted texts with debris and markers, JSON
 * objects with HTML bodies, JSON lines and RSS feeds, with article bodies of newswire length (about 400 words).
 * The text is generated from a small vocabulary, never taken from real articles.
 */
public final class SyntheticFeeds {

    private static final String[] WORDS = ("the a of to in and on for with at by from after before officials said "
            + "river bridge council ferry storm harbour minister police court election budget vote market shares "
            + "rose fell week Monday Tuesday Wednesday Thursday Friday residents workers company talks agreement "
            + "city region border army ceasefire hospital school rail airport flights power water damage report "
            + "statement spokesman government opposition parliament president mayor governor agency people "
            + "thousands hundreds two three four five new old major early late local national international")
            .split(" ");

    private final Random random;
    private int sequence;

    public SyntheticFeeds(long seed) {
        this.random = new Random(seed);
    }

    /** About {@code articles} articles' worth of records, in a fixed mix of formats. */
    public List<OutgoingRecord> records(int articles) {
        List<OutgoingRecord> records = new ArrayList<>();
        int made = 0;
        while (made < articles) {
            switch (records.size() % 4) {
                case 0 -> {
                    records.add(record(text(), null));
                    made++;
                }
                case 1 -> {
                    records.add(record(json(), ContentType.JSON.mediaType()));
                    made++;
                }
                case 2 -> {
                    StringBuilder lines = new StringBuilder();
                    for (int i = 0; i < 5; i++) {
                        lines.append(json()).append('\n');
                    }
                    records.add(record(lines.toString(), ContentType.JSON_LINES.mediaType()));
                    made += 5;
                }
                default -> {
                    records.add(record(rss(10), ContentType.FEED.mediaType()));
                    made += 10;
                }
            }
        }
        return records;
    }

    private OutgoingRecord record(String value, String contentType) {
        return new OutgoingRecord("bench-" + sequence, value.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append(" date 2025-03-").append(10 + random.nextInt(10)).append(' ');
        }
        out.append(paragraphs("\n", 8, 50));
        out.append("\nA view of the scene. (Photo: Wire)\nSource: https://www.news").append(random.nextInt(50))
                .append(".example/story-").append(++sequence).append("?utm_source=feed\nComment (0)");
        return out.toString();
    }

    private String json() {
        String body = "<p>" + paragraphs("</p><p>", 8, 50) + "</p>";
        return "{\"url\":\"https://wire" + random.nextInt(20) + ".example/a/" + (++sequence) + "\",\"title\":\""
                + sentence(8) + "\",\"body\":\"" + body.replace("\"", "\\\"") + "\",\"published_at\":\"2025-03-"
                + (10 + random.nextInt(10)) + "T08:00:00Z\"}";
    }

    private String rss(int items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Bench</title><link>https://bench.example/</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            out.append("<item><title>").append(sentence(8)).append("</title><link>https://bench.example/n/")
                    .append(++sequence).append("</link><pubDate>Wed, 12 Mar 2025 06:15:00 GMT</pubDate><description>"
                            + "<![CDATA[<p>").append(paragraphs("</p><p>", 8, 50)).append("</p>]]></description></item>");
        }
        return out.append("</channel></rss>").toString();
    }

    private String paragraphs(String separator, int count, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(sentence(words));
        }
        return out.toString();
    }

    private String sentence(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            out.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            out.append(i == words - 1 ? "." : " ");
        }
        return out.toString();
    }
}
