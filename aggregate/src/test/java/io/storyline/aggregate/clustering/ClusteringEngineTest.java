package io.storyline.aggregate.clustering;

import static io.storyline.aggregate.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.aggregate.TestArticles;
import io.storyline.aggregate.bench.SyntheticNews;
import io.storyline.common.article.Article;
import io.storyline.common.article.EnrichedArticle;
import io.storyline.common.incident.Incident;
import io.storyline.common.incident.IncidentEvent;
import io.storyline.common.incident.IncidentEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusteringEngineTest {

    private static final long T0 = Instant.parse("2024-03-05T10:00:00Z").toEpochMilli();

    private long clock = T0;

    private static final String[] TOWNS = {"Millbrook", "Harlow", "Eastwick", "Dunmore", "Fairhaven", "Coldridge"};
    private static final String[] PEOPLE = {"Dana Okafor", "Lee Marsh", "Ines Varga", "Tom Achebe", "Rosa Lind",
        "Omar Pell"};
    private static final String[] WORDS = {"warehouse loading dock", "library reading room", "ferry terminal queue",
        "bakery delivery van", "stadium parking garage", "orchard irrigation pump"};

    /** Records arrive a second apart, never before the day their article was published. */
    private List<Emission> accept(ClusteringEngine engine, EnrichedArticle article) {
        LocalDate published = article.article().publishedDate();
        long publishedAt = published == null ? 0 : published.toEpochDay() * 86_400_000L;
        clock = Math.max(clock + 1_000, publishedAt);
        return engine.accept(ArticleFeatures.of(article, clock));
    }

    private static EnrichedArticle story(String id, String published, String town, String person, String... words) {
        return article(id).source(id + ".example").published(published).eventDate(published)
                .title("Shooting in " + town)
                .body(town + " " + person + " " + String.join(" ", words) + " police said the shooting happened")
                .entities("LOCATION:" + town, "PERSON:" + person).build();
    }

    /** The i-th of a few unrelated stories: no word, name or place in common with another. */
    private static EnrichedArticle unrelated(String id, String published, int i) {
        return article(id).source(id + ".example").published(published).eventDate(published)
                .title(TOWNS[i] + " " + WORDS[i])
                .body(TOWNS[i] + " " + PEOPLE[i] + " " + WORDS[i])
                .entities("LOCATION:" + TOWNS[i], "PERSON:" + PEOPLE[i]).build();
    }

    private static List<String> events(List<Emission> emissions) {
        return emissions.stream().filter(e -> e instanceof Emission.Event)
                .map(e -> ((Emission.Event) e).event().type()).toList();
    }

    private static List<Incident> records(List<Emission> emissions) {
        List<Incident> out = new ArrayList<>();
        emissions.stream().filter(e -> e instanceof Emission.IncidentRecord)
                .forEach(e -> out.add(((Emission.IncidentRecord) e).incident()));
        return out;
    }

    @Test
    void quietIncidentsRetireAndLeaveNothingBehindInTheState() {
        ClusteringState state = ClusteringState.inMemory();
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), state);
        accept(engine, story("old", "2024-03-04", "Millbrook", "Dana Okafor", "warehouse", "loading"));
        String oldIncident = ClusteringEngine.incidentIdFor("old");

        // The news clock follows most recent articles: it passes the old incident's retirement once the articles
        // of May outnumber the one of March among the recent ones.
        List<Emission> later = List.of();
        int may = 0;
        while (state.incidents().get(oldIncident) != null) {
            may++;
            later = accept(engine, unrelated("new" + may, "2024-05-01", may));
        }

        assertEquals(2, may);
        assertEquals(List.of("CLOSED", "OPENED"), events(later));
        Incident closed = records(later).get(0);
        assertEquals(oldIncident, closed.incidentId());
        assertEquals("CLOSED", closed.status());
        assertEquals(List.of("old"), closed.articleIds());
        assertNull(state.articles().get("old"));
        assertTrue(state.postings().prefix("", Integer.MAX_VALUE).stream()
                .noneMatch(posting -> posting.getKey().endsWith(oldIncident)));
        assertEquals(2, state.schedule().approximateSize());
        assertEquals(2, engine.activeIncidents());
    }

    @Test
    void anIncidentListsItsLanguagesAndTakesItsTitleFromAnEnglishHeadline() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        String[] words = {"warehouse", "loading", "dock"};
        accept(engine, article("de-1").source("zeitung.example").published("2024-03-04").eventDate("2024-03-04")
                .language("de").title("Schüsse in Millbrook")
                .body("Millbrook Dana Okafor " + String.join(" ", words) + " police said the shooting happened")
                .entities("LOCATION:Millbrook", "PERSON:Dana Okafor").build());
        List<Emission> english = accept(engine, story("en-1", "2024-03-04", "Millbrook", "Dana Okafor", words));
        List<Emission> german = accept(engine, article("de-2").source("blatt.example").published("2024-03-04")
                .eventDate("2024-03-04").language("de").title("Millbrook: Polizei ermittelt")
                .body("Millbrook Dana Okafor " + String.join(" ", words) + " police said the shooting happened")
                .entities("LOCATION:Millbrook", "PERSON:Dana Okafor").build());

        Incident afterEnglish = records(english).get(0);
        assertEquals(List.of("de-1", "en-1"), afterEnglish.articleIds());
        assertEquals("Shooting in Millbrook", afterEnglish.title(), "an English headline names the incident");
        Incident afterGerman = records(german).get(0);
        assertEquals("Shooting in Millbrook", afterGerman.title(), "a later headline in another language does not");
        assertEquals(List.of("de", "en"), afterGerman.languages(), "most members first");
    }

    @Test
    void oneArticleDatedWeeksAheadRetiresNothing() {
        ClusteringState state = ClusteringState.inMemory();
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), state);
        for (int i = 0; i < 5; i++) {
            accept(engine, unrelated("march" + i, "2024-03-04", i));
        }
        // A report dated in May, published before the rest of March's coverage (a file of later news sent first).
        accept(engine, unrelated("ahead", "2024-05-20", 5));

        List<Emission> followUp = accept(engine, unrelated("march-follow-up", "2024-03-05", 0));

        assertEquals(List.of("ARTICLE_ADDED", "CORROBORATED"), events(followUp));
        assertEquals(6, engine.activeIncidents(), "every March incident still active, the follow-up joined one");
    }

    @Test
    void stateStaysBoundedByTheWindowHoweverLongTheStream() {
        ClusteringState state = ClusteringState.inMemory();
        ClusteringParameters parameters = ClusteringParameters.defaults();
        ClusteringEngine engine = new ClusteringEngine(parameters, state);
        SyntheticNews news = new SyntheticNews(3, 500);
        long largest = 0;
        int articles = 0;
        for (int day = 0; day < 400; day++) {
            for (int event = 0; event < 5; event++) {
                for (EnrichedArticle article : news.event(day)) {
                    accept(engine, article);
                    articles++;
                }
            }
            largest = Math.max(largest, state.articles().approximateSize());
        }
        // At most maxAge days of news is active, plus a few days of follow-ups: far below the 400 days seen.
        long perDay = articles / 400;
        assertTrue(largest < perDay * (parameters.maxAgeDays() + 5), "largest " + largest + " of " + articles);
        assertTrue(engine.activeIncidents() < 5 * (parameters.maxAgeDays() + 5), "" + engine.activeIncidents());
        assertEquals(engine.activeIncidents(), state.incidents().approximateSize());
        assertEquals(engine.activeIncidents(), state.schedule().approximateSize());
    }

    @Test
    void anArticleMatchingTwoIncidentsMergesThemIntoTheOlder() {
        ClusteringState state = ClusteringState.inMemory();
        // Keep the first two apart, then let the third join the younger incident and prove the older the same.
        JoinPolicy policy = (article, candidates) -> {
            if (!article.id().equals("both") || candidates.size() < 2) {
                return JoinPolicy.Decision.OPEN;
            }
            JoinPolicy.Candidate younger = candidates.stream()
                    .filter(c -> c.incident().id().equals(ClusteringEngine.incidentIdFor("second"))).findFirst()
                    .orElseThrow();
            List<JoinPolicy.Candidate> others = candidates.stream().filter(c -> c != younger).toList();
            return new JoinPolicy.Decision(younger, others);
        };
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), JoinModel.defaults(), policy,
                state);
        accept(engine, story("first", "2024-03-04", "Millbrook", "Dana Okafor", "warehouse"));
        accept(engine, story("second", "2024-03-04", "Millbrook", "Lee Marsh", "warehouse"));
        String older = ClusteringEngine.incidentIdFor("first");
        String younger = ClusteringEngine.incidentIdFor("second");

        List<Emission> out = accept(engine, article("both").source("both.example").published("2024-03-04")
                .eventDate("2024-03-04").title("Two hurt in Millbrook warehouse shooting")
                .body("Millbrook Dana Okafor Lee Marsh warehouse police said the shooting happened")
                .entities("LOCATION:Millbrook", "PERSON:Dana Okafor", "PERSON:Lee Marsh").build());

        assertEquals(List.of("ARTICLE_ADDED", "MERGED", "CORROBORATED"), events(out));
        IncidentEvent merged = out.stream().filter(e -> e instanceof Emission.Event)
                .map(e -> ((Emission.Event) e).event()).filter(e -> e.type().equals("MERGED")).findFirst()
                .orElseThrow();
        assertEquals(younger, merged.incidentId());
        assertEquals(older, merged.mergedInto());
        List<Emission.IncidentRecord> published = out.stream().filter(e -> e instanceof Emission.IncidentRecord)
                .map(e -> (Emission.IncidentRecord) e).toList();
        assertEquals(List.of(younger, younger, older),
                published.stream().map(Emission.IncidentRecord::incidentId).toList(),
                "the loser once with merged_into, then its tombstone, then the survivor");
        assertEquals(older, published.get(0).incident().mergedInto());
        assertEquals("MERGED", published.get(0).incident().status());
        assertNull(published.get(1).incident());
        Incident survivor = published.get(2).incident();
        assertEquals(List.of("first", "second", "both"), survivor.articleIds());
        assertEquals(3, survivor.sourceCount());

        assertNull(state.incidents().get(younger));
        assertEquals(older, state.articles().get("second").incidentId());
        assertEquals(older, state.articles().get("both").incidentId());
        assertTrue(state.postings().prefix("", Integer.MAX_VALUE).stream()
                .noneMatch(posting -> posting.getKey().endsWith(younger)));
        assertEquals(1, engine.activeIncidents());
    }

    @Test
    void reportsWordedAlikeFromTwoCountriesAreTwoIncidents() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        String body = "a passenger ferry ran aground off the coast in fog and the coast guard took passengers ashore";
        accept(engine, article("durban").published("2024-03-05").eventDate("2024-03-05").title("Ferry runs aground")
                .body("Durban " + body).place("Durban", "South Africa").build());
        List<Emission> recife = accept(engine, article("recife").source("other.example").published("2024-03-06")
                .eventDate("2024-03-06").title("Ferry runs aground").body("Recife " + body)
                .place("Recife", "Brazil").build());
        assertEquals(List.of("OPENED"), events(recife));
        List<Emission> again = accept(engine, article("durban-2").source("third.example").published("2024-03-06")
                .eventDate("2024-03-05").title("Ferry runs aground").body("Durban " + body)
                .place("Durban", "South Africa").build());
        assertEquals(List.of("ARTICLE_ADDED", "CORROBORATED"), events(again));
        assertEquals(List.of("durban", "durban-2"), records(again).get(0).articleIds());
    }

    @Test
    void anArticleIsLocatedOnlyWhereMostOfItsPlacesAre() {
        EnrichedArticle local = article("a").place("Baton Rouge", "United States").place("Baton Rouge", null)
                .place("Iraq", "Iraq").build();
        assertEquals(List.of("Iraq", "United States"), ArticleFeatures.of(local, T0).countries());
        EnrichedArticle vague = article("b").place("Iraq", "Iraq").place("Belton", null).place("Conroe", null)
                .build();
        assertEquals(List.of(), ArticleFeatures.of(vague, T0).countries(), "unlocated places may lie anywhere");
    }

    @Test
    void anIncidentListsNamesNotGenericMentions() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        List<Emission> out = accept(engine, article("a").body("a Kh-101 missile hit Dnipro")
                .entities("WEAPON:Kh-101", "WEAPON:missile", "LOCATION:Dnipro").build());
        List<String> listed = records(out).get(0).entities().stream().map(Incident.RankedEntity::canonical).sorted()
                .toList();
        assertEquals(List.of("Dnipro", "Kh-101"), listed);
    }

    @Test
    void namesAsWidelyReportedTakeTurnsByType() {
        ClusteringParameters d = ClusteringParameters.defaults();
        ClusteringEngine engine = new ClusteringEngine(new ClusteringParameters(d.joinThreshold(), d.mergeThreshold(),
                d.reprintSimilarity(), d.maxGapDays(), d.maxAgeDays(), d.retireAfterDays(), d.postingsLimit(),
                d.maxCandidates(), d.indexTermsPerArticle(), d.maxIncidentTerms(), d.maxIncidentEntities(),
                d.corroborationThreshold(), 3), ClusteringState.inMemory());
        List<Emission> out = accept(engine, article("a").body("Kh-101 missiles hit Dnipro, Astrakhan and Bryansk")
                .entities("LOCATION:Dnipro", "LOCATION:Astrakhan", "LOCATION:Bryansk", "WEAPON:Kh-101").build());
        assertEquals(List.of("Astrakhan", "Kh-101", "Bryansk"), records(out).get(0).entities().stream()
                .map(Incident.RankedEntity::canonical).toList());
    }

    @Test
    void eventsCarryTheArticleAsAReaderSeesIt() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        List<Emission> out = accept(engine, story("first", "2024-03-04", "Millbrook", "Dana Okafor", "warehouse"));
        IncidentEvent opened = out.stream().filter(e -> e instanceof Emission.Event)
                .map(e -> ((Emission.Event) e).event()).findFirst().orElseThrow();
        assertEquals(IncidentEventType.OPENED, opened.type());
        assertEquals(new IncidentEvent.ArticleSummary("Shooting in Millbrook", "https://first.example/first",
                "2024-03-04"), opened.article());
    }

    @Test
    void anArticleWithoutHeadlineIsKnownByItsLeadSentence() {
        EnrichedArticle pasted = article("a").title(null).body("Dr. Anna Holm said the bridge in Millbrook would "
                + "stay shut until Friday. Repairs start on Monday.").build();
        assertEquals("Dr. Anna Holm said the bridge in Millbrook would stay shut until Friday.",
                ArticleFeatures.of(pasted, T0).title());
        EnrichedArticle longLead = article("b").title(" ").body("word ".repeat(100)).build();
        String title = ArticleFeatures.of(longLead, T0).title();
        assertTrue(title.length() <= ArticleFeatures.TITLE_LENGTH + 1 && title.endsWith("word…"), title);
    }

    @Test
    void anIncidentOpenedWithoutHeadlineTakesTheFirstHeadlineThatJoins() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        EnrichedArticle pasted = story("pasted", "2024-03-04", "Millbrook", "Dana Okafor", "warehouse", "loading");
        accept(engine, article("pasted").source("pasted.example").published("2024-03-04").eventDate("2024-03-04")
                .title(null).body(pasted.article().body()).entities("LOCATION:Millbrook", "PERSON:Dana Okafor")
                .build());
        List<Emission> headed = accept(engine, story("headed", "2024-03-04", "Millbrook", "Dana Okafor",
                "warehouse", "loading"));
        assertEquals(List.of("ARTICLE_ADDED", "CORROBORATED"), events(headed));
        assertEquals("Shooting in Millbrook", records(headed).get(0).title());
        List<Emission> other = accept(engine, article("third").source("third.example").published("2024-03-04")
                .eventDate("2024-03-04").title("Police name warehouse victim").body(pasted.article().body())
                .entities("LOCATION:Millbrook", "PERSON:Dana Okafor").build());
        assertEquals(List.of("ARTICLE_ADDED"), events(other));
        assertEquals("Shooting in Millbrook", records(other).get(0).title(), "a headline, once there, stays");
    }

    @Test
    void anIncidentsProfileKeepsOnlyItsHeaviestEntitiesHoweverManyJoin() {
        ClusteringParameters defaults = ClusteringParameters.defaults();
        int limit = 3;
        ClusteringParameters parameters = new ClusteringParameters(defaults.joinThreshold(),
                defaults.mergeThreshold(), defaults.reprintSimilarity(), defaults.maxGapDays(), defaults.maxAgeDays(),
                defaults.retireAfterDays(), defaults.postingsLimit(), defaults.maxCandidates(),
                defaults.indexTermsPerArticle(), defaults.maxIncidentTerms(), limit,
                defaults.corroborationThreshold(), defaults.rankedEntities());
        ClusteringState state = ClusteringState.inMemory();
        ClusteringEngine engine = new ClusteringEngine(parameters, state);
        String[] witnesses = {"Dana Okafor", "Lee Marsh", "Ann Wu", "Raj Patel", "Eva Holm", "Tom Reyes"};
        for (String witness : witnesses) {
            accept(engine, story(witness.replace(' ', '-'), "2024-03-04", "Millbrook", witness, "warehouse",
                    "loading", "dock", "fire"));
        }
        assertEquals(1, engine.activeIncidents(), "one incident, joined by every report");
        IncidentProfile profile = state.profiles().get(ClusteringEngine.incidentIdFor("Dana-Okafor"));
        assertEquals(limit, profile.entityWeights.size());
        assertTrue(profile.entityWeights.keySet().stream().anyMatch(key -> key.endsWith("|millbrook")),
                "the place every report names stays: " + profile.entityWeights);
    }

    @Test
    void aTextSharingTooLittleWithAnotherIsNoReprint() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        accept(engine, article("a").body("warehouse fire in millbrook injures two firefighters")
                .minhash(TestArticles.minhash("a", 0)).build());
        List<Emission> out = accept(engine, article("b").body("school budget approved by harlow voters")
                .minhash(TestArticles.minhash("a", 20)).build());
        assertEquals(List.of("OPENED"), events(out));
    }

    @Test
    void aCorrectedReprintStaysAReprint() {
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), ClusteringState.inMemory());
        String body = "warehouse fire in millbrook injures two firefighters on orchard road";
        accept(engine, article("a").body(body).minhash(TestArticles.minhash("w", 0)).build());
        accept(engine, article("b").source("copy.example").body(body).minhash(TestArticles.minhash("w", 2)).build());
        List<Emission> out = accept(engine, article("b").source("copy.example").body(body + " updated")
                .minhash(TestArticles.minhash("w", 3)).build());
        assertEquals(List.of("ARTICLE_UPDATED"), events(out));
        Incident incident = records(out).get(0);
        assertEquals(List.of(new Incident.Duplicate("b", "a")), incident.duplicates());
        assertEquals(1, incident.sourceCount());
    }

    @Test
    void mapsAndSerialisedStoresGiveTheSameIncidents() {
        List<EnrichedArticle> stream = new ArrayList<>();
        SyntheticNews news = new SyntheticNews(5, 40);
        for (int event = 0; event < 150; event++) {
            stream.addAll(news.event(event / 5));
        }
        List<List<Emission>> inMemory = run(stream, ClusteringState.inMemory());
        List<List<Emission>> serialised = run(stream, ClusteringState.serialized());
        assertEquals(inMemory, serialised);
        long opened = inMemory.stream().flatMap(List::stream).filter(e -> e instanceof Emission.Event
                && ((Emission.Event) e).event().type().equals("OPENED")).count();
        assertTrue(opened > 1 && opened < stream.size(), "the stream clustered: " + opened + " incidents");
    }

    private List<List<Emission>> run(List<EnrichedArticle> stream, ClusteringState state) {
        clock = T0;
        ClusteringEngine engine = new ClusteringEngine(ClusteringParameters.defaults(), state);
        return stream.stream().map(article -> accept(engine, article)).collect(Collectors.toList());
    }

    @Test
    void dayOfAnArticleIsItsPublicationDateWhereGiven() {
        ArticleFeatures features = ArticleFeatures.of(article("a").published("2024-03-04").build(), T0);
        assertEquals(LocalDate.of(2024, 3, 4).toEpochDay(), features.day());
        ArticleFeatures undated = ArticleFeatures.of(article("b").published(null).build(), T0);
        assertEquals(T0 / 86_400_000d, undated.day());
        assertNotNull(undated.entities());

        EnrichedArticle pasted = article("c").eventDate("2024-03-01").build();
        Article seenToday = new Article(1, "c", null, null, "t", "body", "2026-01-01T10:00:00Z", "record_timestamp",
                "en", null, "h");
        ArticleFeatures replayed = ArticleFeatures.of(new EnrichedArticle(seenToday, pasted.entities(),
                pasted.dates(), pasted.eventDate(), pasted.eventDateEvidence(), pasted.signature()), T0);
        assertEquals(LocalDate.of(2024, 3, 1).toEpochDay(), replayed.day(),
                "a date that is only when Storyline saw the text yields to the event date in it");
        assertEquals(ArticleFeatures.UNKNOWN_SOURCE, replayed.source());
        Article linked = new Article(1, "d", "https://news.example.org/a/1", " ", "t", "b", null, null, "en", null, "h");
        assertEquals("news.example.org", ArticleFeatures.source(linked));
    }
}
