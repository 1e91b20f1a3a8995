package io.storyline.deploy.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.board.Board;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.TopicsSetup;
import io.storyline.common.testing.KafkaBroker;
import io.storyline.common.testing.TestTopics;
import io.storyline.launcher.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in a real browser (headless Chromium driven by Selenium), on the real pipeline: invented articles are
 * published into news.raw while the page is open, and the page must show the incident form, its source count
 * rise without a reload, a filter hide and show it, and its page list its reports. Screenshots of every step at a
 * laptop's and a phone's width go to {@code target/board-screenshots/}. Runs in the {@code browser} profile.
 */
class BoardBrowserIT {

    private static final Path SHOTS = Path.of("target", "board-screenshots");
    /** enrich loads its language models before the first article: the first wait is the long one. */
    private static final Duration FIRST_INCIDENT = Duration.ofMinutes(4);
    private static final Duration LIVE_CHANGE = Duration.ofMinutes(2);
    private static final Dimension LAPTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private static final String FIRST_REPORT = """
            {"id": "gorsefield-courier-1", "url": "https://gorsefield-courier.example/fire-at-tannery-lane",
             "source": "gorsefield-courier.example", "published_at": "2025-04-17",
             "title": "Fire at Gorsefield solvent depot forces evacuation of Tannery Lane",
             "body": "A fire broke out at the Brackwater solvent depot in Gorsefield on Thursday, April 17, and \
            forced the evacuation of some 300 residents of Tannery Lane. Fire chief Mirela Vance said four crews \
            fought the blaze through the night and that nobody was hurt. The depot, run by Hollin Chemicals, \
            stores cleaning solvents for the region's print works. Gorsefield council opened the sports hall on \
            Mill Road for the evacuated families."}""";
    private static final String SECOND_REPORT = """
            {"id": "valley-radio-7", "url": "https://valley-radio.example/news/gorsefield-depot-fire",
             "source": "valley-radio.example", "published_at": "2025-04-17",
             "title": "Gorsefield depot blaze: Tannery Lane residents spend night in sports hall",
             "body": "Residents of Tannery Lane in Gorsefield spent Thursday night, April 17, in the Mill Road \
            sports hall after fire tore through the Brackwater solvent depot. Fire chief Mirela Vance said the \
            blaze at the Hollin Chemicals site was under control by morning and that no one was injured. About \
            300 people were evacuated from Tannery Lane while four crews fought the fire in Gorsefield."}""";
    private static final String OTHER_EVENT = """
            {"id": "harbour-herald-52", "url": "https://harbour-herald.example/tram-derails-quayside",
             "source": "harbour-herald.example", "published_at": "2025-04-17",
             "title": "Tram derails on Quayside bend in Port Alder, twelve passengers hurt",
             "body": "A tram left the rails on the Quayside bend in Port Alder on Thursday, April 17, injuring \
            twelve passengers, the city's transport authority said. Transport director Samuel Okonjo said the line \
            would stay closed until inspectors from the rail safety board had examined the track. Buses replace \
            trams between the Port Alder ferry terminal and Castle Street."}""";

    private static final List<ServiceRuntime> SERVICES = new ArrayList<>();
    private static Path stateRoot;
    private static TestTopics names;
    private static Board board;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SHOTS);
        names = TestTopics.unique("browser");
        stateRoot = Files.createTempDirectory("storyline-browser-");
        StorylineConfig config = names.config(Map.of(TopicsSetup.PARTITIONS, "2", HttpEndpoints.PORT, "0"));
        // The stages from news.raw to the incidents: the board shows what they write. Alerting is no stage of
        // them and would refuse to start without a rules file.
        for (Services.Kind kind : Services.Kind.values()) {
            if (!kind.pipeline()) {
                continue;
            }
            SERVICES.add(ServiceRuntime.start(kind.create(), config
                    .with(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(kind.command()).toString())
                    .with(HttpEndpoints.PORT, null)));
        }
        board = Board.start(config);
        browser = chromium();
    }

    /** Headless Chromium with what this closed network needs: no background requests to the internet. */
    private static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-profile-").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (board != null) {
            board.close();
        }
        SERVICES.parallelStream().forEach(ServiceRuntime::close);
        Utils.delete(stateRoot.toFile());
    }

    private static void publish(String key, String article) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaBroker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(names.topics().raw().name(), key,
                    article.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + key, e);
        }
    }

    private static String base() {
        return "http://localhost:" + board.port();
    }

    /** The list's row whose title contains {@code words}, once it is there. */
    private static WebElement row(String words, Duration within) {
        By locator = By.xpath("//li[contains(@class,'incident')][.//a[contains(@class,'title-link')][contains(., '"
                + words + "')]]");
        return new WebDriverWait(browser, within).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static boolean hasRow(String words) {
        return !browser.findElements(By.xpath("//li[contains(@class,'incident')]//a[contains(., '" + words + "')]"))
                .isEmpty();
    }

    /** A screenshot at the laptop's width and one at the phone's, of the page as it is. */
    private static void screenshots(String step) throws IOException {
        for (Map.Entry<String, Dimension> size : Map.of("desktop", LAPTOP, "phone", PHONE).entrySet()) {
            browser.manage().window().setSize(size.getValue());
            // Resizing lays the page out again; the picture waits for that frame, not for a time.
            ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));");
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(step + "-" + size.getKey() + ".png"), png);
        }
        browser.manage().window().setSize(LAPTOP);
    }

    @Test
    void anIncidentFormsGrowsFiltersAndOpensLiveInTheBrowser() throws IOException {
        browser.manage().window().setSize(LAPTOP);
        browser.get(base() + "/");
        new WebDriverWait(browser, LIVE_CHANGE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("live-text"), "Live"));
        ((JavascriptExecutor) browser).executeScript("window.boardWasNotReloaded = true;");
        screenshots("01-waiting");

        publish("gorsefield-courier-1", FIRST_REPORT);
        publish("harbour-herald-52", OTHER_EVENT);
        WebElement fire = row("Gorsefield solvent depot", FIRST_INCIDENT);
        row("Tram derails", LIVE_CHANGE);
        assertEquals("1", fire.findElement(By.cssSelector(".count-sources b")).getText());
        screenshots("02-incident-appears");

        publish("valley-radio-7", SECOND_REPORT);
        new WebDriverWait(browser, LIVE_CHANGE).until(driver -> "2".equals(
                fire.findElement(By.cssSelector(".count-sources b")).getText()));
        assertTrue(fire.findElement(By.cssSelector(".corroborated")).isDisplayed(), "two sources corroborate");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.boardWasNotReloaded;"),
                "the count rose in the same page, in the same row, without a reload");
        assertTrue(browser.findElement(By.id("live-text")).getText().contains("updated just now"));
        screenshots("03-source-count-rises");

        WebElement place = browser.findElement(By.name("place"));
        place.sendKeys("Port Alder");
        // The page applies what was typed once typing pauses: on a busy machine a pause can fall inside the
        // words, so the board first shows what a part of them matches. The whole filter is in the address
        // before its list is asked for.
        new WebDriverWait(browser, LIVE_CHANGE).until(ExpectedConditions.urlContains("place=Port+Alder"));
        new WebDriverWait(browser, LIVE_CHANGE).until(driver -> !hasRow("Gorsefield solvent depot"));
        assertTrue(hasRow("Tram derails"), "the filter keeps what matches");
        screenshots("04-filter-hides-it");

        place.clear();
        place.sendKeys("gorsefield");
        new WebDriverWait(browser, LIVE_CHANGE).until(ExpectedConditions.urlContains("place=gorsefield"));
        row("Gorsefield solvent depot", LIVE_CHANGE);
        new WebDriverWait(browser, LIVE_CHANGE).until(driver -> !hasRow("Tram derails"));
        screenshots("05-filter-shows-it");

        browser.get(browser.getCurrentUrl());
        WebElement shared = row("Gorsefield solvent depot", LIVE_CHANGE);
        assertEquals("gorsefield", browser.findElement(By.name("place")).getAttribute("value"),
                "a shared address opens the same filtered board");
        shared.findElement(By.cssSelector("a.title-link")).click();

        // Members come from news.incident-events, the counts from news.incidents: the board may read the two
        // topics' records in different polls, and the page follows it live. Both reports, then what they say.
        new WebDriverWait(browser, LIVE_CHANGE).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#members .report"), 1));
        List<String> sources = browser.findElements(By.cssSelector("#members .report .source")).stream()
                .map(WebElement::getText).toList();
        List<String> headlines = browser.findElements(By.cssSelector("#members .report .headline")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("GORSEFIELD-COURIER.EXAMPLE", "VALLEY-RADIO.EXAMPLE"), sources);
        assertTrue(headlines.contains("Gorsefield depot blaze: Tannery Lane residents spend night in sports hall"),
                headlines.toString());
        assertEquals("https://valley-radio.example/news/gorsefield-depot-fire", browser.findElement(
                By.linkText("Gorsefield depot blaze: Tannery Lane residents spend night in sports hall"))
                .getAttribute("href"));
        assertFalse(browser.findElements(By.cssSelector("#timeline li")).isEmpty(), "the timeline is shown");
        assertTrue(browser.findElement(By.id("entities")).getText().contains("Mirela Vance"),
                browser.findElement(By.id("entities")).getText());
        screenshots("06-incident-page");
    }
}
