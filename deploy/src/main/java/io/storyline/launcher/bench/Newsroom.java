package io.storyline.launcher.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.common.json.Json;
import io.storyline.common.text.Accents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated newsroom: events of a dozen kinds in two dozen cities, each covered by several outlets in their
 * own words (articles of 220 to 490 words, newswire length), now and then a verbatim reprint of another outlet's
 * article. The stream is reproducible from its seed and knows which articles belong together, so a run can be
 * checked against the incidents it must produce. The text is generated from {@code newsroom.txt}, never taken
 * from real news.
 */
public final class Newsroom {

    /**
     * One article as a feed publishes it on {@code news.raw}.
     *
     * @param event       the event it reports (what the incident must group)
     * @param duplicateOf the article it reprints verbatim, or null
     * @param json        the {@code news.raw} JSON object
     */
    public record Story(String event, String id, String source, String duplicateOf, String json, int words) {

        public byte[] bytes() {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Two events a day from here reach today after some 4,000 events; ingest refuses articles from the future. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final NewsroomText text = NewsroomText.load();
    private final Random random;
    private final int minWords;
    private final int maxWords;

    /** Articles of newswire length, as the benchmarks read them. */
    public Newsroom(long seed) {
        this(seed, 300, 800);
    }

    private Newsroom(long seed, int minWords, int maxWords) {
        this.random = new Random(seed);
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    /**
     * A newsroom of briefs: the same events, outlets and reprints in articles of some 110 to 220 words (a lede, a
     * few facts, a quote), for tests that run thousands of articles through the pipeline many times and are about
     * the order of the stream, not the length of its texts.
     */
    public static Newsroom briefs(long seed) {
        return new Newsroom(seed, 110, 220);
    }

    /**
     * Writes {@code events} events with {@code articlesPerEvent} articles each, in publication order.
     *
     * @param reprintShare the share of articles (after the first of an event) that reprint an earlier one
     */
    public List<Story> write(int events, int articlesPerEvent, double reprintShare) {
        return write(0, events, articlesPerEvent, reprintShare);
    }

    /**
     * Writes events {@code firstEvent} to {@code firstEvent + events - 1}: a later call with a later first event
     * continues the same news, with article ids of its own.
     */
    public List<Story> write(int firstEvent, int events, int articlesPerEvent, double reprintShare) {
        if (articlesPerEvent > text.outlets().size()) {
            throw new IllegalArgumentException("at most " + text.outlets().size() + " outlets cover an event");
        }
        List<Timed> timed = new ArrayList<>();
        for (int e = firstEvent; e < firstEvent + events; e++) {
            timed.addAll(cover(event(e), articlesPerEvent, reprintShare));
        }
        timed.sort(Comparator.comparing(Timed::at).thenComparing(t -> t.story().id()));
        return timed.stream().map(Timed::story).toList();
    }

    /** The articles of each event, by event, in the order {@code stories} lists them. */
    public static Map<String, Set<String>> expectedIncidents(List<Story> stories) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        stories.forEach(s -> out.computeIfAbsent(s.event(), e -> new LinkedHashSet<>()).add(s.id()));
        return out;
    }

    private record Event(int number, String id, NewsroomText.Kind kind, NewsroomText.City city, LocalDate day,
                         Map<String, String> facts, List<String> witnesses) {
    }

    private record Timed(Instant at, Story story) {
    }

    private Event event(int number) {
        List<NewsroomText.Kind> kinds = text.kinds();
        List<NewsroomText.City> cities = text.cities();
        NewsroomText.Kind kind = kinds.get(number % kinds.size());
        // Consecutive events differ in kind and city; a city sees the same kind again only after kinds × cities.
        NewsroomText.City city = cities.get((number * 7 + number / cities.size()) % cities.size());
        // Two events a day, so incidents overlap in time as in a real news cycle, and events of one kind are six
        // days apart: further than the days an outlet's follow-ups trail an event.
        LocalDate day = FIRST_DAY.plusDays(number / 2);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("city", city.name());
        facts.put("country", city.country());
        facts.put("district", pick(city.districts()));
        facts.put("weekday", day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        facts.put("date", day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth());
        facts.put("official", person());
        facts.put("spokesperson", person());
        facts.put("surname", pick(text.lastNames()));
        facts.put("role", kind.role());
        facts.put("n1", Integer.toString(2 + random.nextInt(8)));
        facts.put("n2", Integer.toString(3 + random.nextInt(7)));
        facts.put("n3", Integer.toString(4 + random.nextInt(4)));
        facts.put("org", fill(kind.org(), facts));
        facts.put("facility", fill(kind.facility(), facts));
        List<String> witnesses = List.of(person(), person(), person());
        String id = String.format("event-%03d-%s-%s", number + 1, kind.name(), slug(city.name()));
        return new Event(number + 1, id, kind, city, day, facts, witnesses);
    }

    private List<Timed> cover(Event event, int articles, double reprintShare) {
        List<String> outlets = new ArrayList<>(text.outlets());
        Collections.shuffle(outlets, random);
        List<Timed> out = new ArrayList<>();
        Instant happened = event.day().atTime(5 + random.nextInt(12), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < articles; i++) {
            String outlet = outlets.get(i);
            String id = slug(outlet.substring(0, outlet.indexOf('.'))) + "-" + event.number() + "-" + (i + 1);
            // Within a day and a half of the event: the outlets' own follow-ups and reprints.
            Instant at = happened.plusSeconds(1800L + random.nextInt(36 * 3600));
            if (i > 0 && random.nextDouble() < reprintShare) {
                Timed original = out.get(random.nextInt(out.size()));
                at = original.at().plusSeconds(600 + random.nextInt(3 * 3600));
                out.add(new Timed(at, reprint(event, original.story(), id, outlet, at)));
            } else {
                out.add(new Timed(at, article(event, id, outlet, at)));
            }
        }
        return out;
    }

    private Story article(Event event, String id, String outlet, Instant at) {
        NewsroomText.Kind kind = event.kind();
        int target = minWords + random.nextInt(maxWords - minWords + 1);
        List<String> facts = shuffled(kind.facts().subList(1, kind.facts().size()));
        List<String> quotes = shuffled(kind.quotes());
        List<String> generic = shuffled(text.generic());
        List<String> sentences = new ArrayList<>();
        sentences.add(kind.facts().get(0));
        sentences.addAll(facts.subList(0, facts.size() * 2 / 3 + random.nextInt(facts.size() / 3 + 1)));
        int quoteCount = 2 + random.nextInt(quotes.size() - 1);
        for (int q = 0; q < quoteCount; q++) {
            sentences.add(1 + random.nextInt(sentences.size()), quotes.get(q));
        }
        // Reporting boilerplate every outlet uses, whatever the event: a little of it, as in real copy.
        sentences.addAll(generic.subList(0, 4 + random.nextInt(11)));
        StringBuilder body = new StringBuilder();
        int words = 0;
        int inParagraph = 0;
        int paragraphLength = 2;
        for (int next = 0; words < target && next < sentences.size(); next++) {
            String sentence = fill(sentences.get(next), event);
            boolean quote = sentence.startsWith("\"");
            if (body.length() > 0 && (quote || inParagraph >= paragraphLength)) {
                body.append("\n\n");
                inParagraph = 0;
                paragraphLength = 2 + random.nextInt(3);
            } else if (body.length() > 0) {
                body.append(' ');
            }
            body.append(sentence);
            // A quote stands as its own paragraph, as newspapers set them.
            inParagraph = quote ? paragraphLength : inParagraph + 1;
            words += sentence.split("\\s+").length;
        }
        String title = fill(kind.headlines().get(random.nextInt(kind.headlines().size())), event);
        return story(event, id, outlet, at, title, body.toString(), null, words);
    }

    private Story reprint(Event event, Story original, String id, String outlet, Instant at) {
        ObjectNode source = readJson(original.json());
        return story(event, id, outlet, at, source.get("title").asText(), source.get("body").asText(), original.id(),
                original.words());
    }

    private static Story story(Event event, String id, String outlet, Instant at, String title, String body,
                               String duplicateOf, int words) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("id", id);
        json.put("url", "https://" + outlet + "/news/" + event.day() + "/" + id);
        json.put("source", outlet);
        json.put("title", title);
        json.put("body", body);
        json.put("published_at", at.toString());
        json.put("language", "en");
        return new Story(event.id(), id, outlet, duplicateOf, json.toString(), words);
    }

    private String fill(String template, Event event) {
        return fill(template, event.facts(), event.witnesses());
    }

    private String fill(String template, Map<String, String> facts) {
        return fill(template, facts, List.of());
    }

    /** Outlets quote the same few witnesses of an event, as reporters at one scene do. */
    private String fill(String template, Map<String, String> facts, List<String> witnesses) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = key.equals("witness") && !witnesses.isEmpty() ? pick(witnesses) : facts.get(key);
            if (value == null) {
                throw new IllegalStateException("newsroom.txt: no value for {" + key + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String person() {
        return pick(text.firstNames()) + " " + pick(text.lastNames());
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> List<T> shuffled(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static ObjectNode readJson(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated article is not JSON", e);
        }
    }

    private static String slug(String name) {
        return Accents.strip(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
