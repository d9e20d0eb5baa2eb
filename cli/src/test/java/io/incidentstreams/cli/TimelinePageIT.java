package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.serde.Json;
import io.incidentstreams.sink.http.ApiServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
 * The timeline page in a real browser (Debian's chromium, headless) on the embedded broker with the samples:
 * ingest, enrich in the same process, serve; then check what a person sees. Skipped where chromium or
 * chromedriver is missing ({@code .ci/run} installs them).
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(300)
class TimelinePageIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SAMPLES = Path.of("..", "samples");
    static final Path SCREENSHOT = Path.of("target", "timeline.png");
    static final Duration WAIT = Duration.ofSeconds(60);

    /** A report written for this test: one drone strike that no sample reports. */
    static final String LIVE_ARTICLE = " date 2021-06-07 Drone strikes Ain al-Asad air base\n\n"
            + "An explosive-laden drone struck Ain al-Asad air base in western Iraq on Sunday, wounding two soldiers, "
            + "the coalition said in a statement. No group claimed the attack.\n";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theGreenZoneAttackIsDrawnWithItsLinkToTheOctoberTruceShowsItsEvidenceAndANewReportAppearsLive() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        String name = SharedKafkaBroker.uniqueName("page");
        PipelineConfig config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name,
                work.resolve("state"), Map.of());

        try (ServeCommand.Running running = ServeCommand.Running.start(config, true,
                List.of(SAMPLES.resolve("articles"), SAMPLES.resolve("articles.jsonl")),
                ApiServer.Options.defaults().withPort(0), null, null, null)) {
            URI base = running.server.uri();
            awaitEverythingServed(config, running);
            JsonNode attack = greenZoneAttackLinkedToItsTruce(base);
            assertThat(attack).as("the 2020-11-17 Green Zone attack, linked to a live truce").isNotNull();
            String attackId = attack.get("id").asText();
            String truceId = truceLink(attack).get("incidentId").asText();
            String evidence = evidenceOf(attack, "killed");
            assertThat(get(base, "incidents/" + truceId).at("/date").asText()).startsWith("2020-10");

            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                browser.get(base.toString());

                WebElement attackGlyph = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("g.incident[data-id='" + attackId + "'] circle")));
                wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("g.incident[data-id='" + truceId + "'][data-type='agreement_truce'] circle")));
                WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "path.link[data-type='breaks_truce'][data-from='" + attackId + "'][data-to='" + truceId + "']")));
                assertThat(link.getSize().getWidth()).as("the link spans the time between truce and attack").isGreaterThan(10);
                assertThat(browser.findElement(By.cssSelector("g.incident[data-id='" + attackId + "']"))
                        .getAttribute("data-date")).isEqualTo("2020-11-17");
                assertThat(browser.findElements(By.cssSelector("#map circle.place[data-id='" + attackId + "']")))
                        .as("the attack is on the map").hasSize(1);

                attackGlyph.click();
                WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#details[data-id='" + attackId + "']")));
                wait.until(ExpectedConditions.textToBePresentInElement(details, evidence));
                assertThat(details.getText()).contains("Green Zone").contains("breaks truce");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

                Set<String> before = browser.findElements(By.cssSelector("g.incident")).stream()
                        .map(e -> e.getAttribute("data-id")).collect(Collectors.toCollection(HashSet::new));
                Path live = Files.writeString(work.resolve("live-report.txt"), LIVE_ARTICLE);
                IngestCommand.ingest(config, List.of(live));

                WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "g.incident[data-type='air_drone_strike'][data-date='2021-06-06'] circle")));
                String addedId = added.findElement(By.xpath("..")).getAttribute("data-id");
                assertThat(before).as("a new incident, drawn without a reload").doesNotContain(addedId);
                assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("live");
                Files.write(SCREENSHOT.resolveSibling("timeline-live.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    /** Waits until enrich has processed every article and the server's view has read every incident it wrote. */
    private static void awaitEverythingServed(PipelineConfig config, ServeCommand.Running running) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                    config.topics().rawArticles.name()).awaitCaughtUp(Duration.ofMinutes(2), lag -> { });
            String topic = config.topics().incidents.name();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            await().atMost(WAIT).until(() -> end.entrySet().stream().allMatch(e ->
                    running.view.consumedUpTo().getOrDefault(e.getKey().partition(), 0L) >= e.getValue().offset()));
        }
    }

    private WebDriver chromium() throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1150",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The 2020-11-17 Green Zone attack once enrich has linked it to a live truce; null until then. */
    private JsonNode greenZoneAttackLinkedToItsTruce(URI base) throws Exception {
        JsonNode page = get(base, "incidents?type=shelling_missile_attack&from=2020-11-17&to=2020-11-17&place="
                + URLEncoder.encode("green zone", StandardCharsets.UTF_8));
        for (JsonNode i : page.get("items")) {
            JsonNode link = truceLink(i);
            if ("2020-11-17".equals(i.get("date").asText()) && link != null
                    && status(base, "incidents/" + link.get("incidentId").asText()) == 200) {
                return i;
            }
        }
        return null;
    }

    private static JsonNode truceLink(JsonNode incident) {
        for (JsonNode r : incident.get("relations")) {
            if ("breaks_truce".equals(r.get("type").asText())) {
                return r;
            }
        }
        return null;
    }

    private static String evidenceOf(JsonNode incident, String field) {
        for (JsonNode s : incident.get("sources")) {
            for (JsonNode e : s.get("evidence")) {
                if (field.equals(e.get("field").asText())) {
                    return e.get("sentence").asText();
                }
            }
        }
        throw new AssertionError("no " + field + " evidence on " + incident);
    }

    private JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private int status(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
