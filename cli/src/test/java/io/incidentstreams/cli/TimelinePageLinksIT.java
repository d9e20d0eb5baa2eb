package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Source;
import io.incidentstreams.sink.http.ApiServer;
import io.incidentstreams.sink.http.IncidentIndex;
import io.incidentstreams.sink.http.IncidentView;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The timeline page in headless chromium, served under its Content-Security-Policy, on an incident whose sources
 * carry a {@code javascript:} URL (written straight to the incidents topic, past ingest's own check) and an https
 * URL. Skipped where chromium or chromedriver is missing, as {@link TimelinePageIT} is.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(180)
class TimelinePageLinksIT {
    static final String ID = "inc-00000000000000a1";

    @TempDir
    Path work;

    @Test
    void aSourceWhoseUrlIsNotHttpIsShownWithoutALinkAndAnHttpsSourceKeepsItsLink() throws Exception {
        assumeTrue(Files.isExecutable(TimelinePageIT.CHROMIUM) && Files.isExecutable(TimelinePageIT.CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, SharedKafkaBroker.uniqueName("page-links") + "."));
        Topics topics = config.topics();
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, Duration.ofSeconds(30)).ensure(List.of(topics.incidents), 1, (short) -1);
        }
        publish(config, incident());

        try (IncidentView view = new IncidentView(config, new IncidentIndex()).start();
             ApiServer server = ApiServer.start(view, ApiServer.Options.defaults().withPort(0), List.of())) {
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                browser.get(server.uri().toString());
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("g.incident[data-id='" + ID + "'] circle"))).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#details[data-id='" + ID + "']")));

                WebElement hostile = browser.findElement(By.cssSelector("#details .source[data-article='hostile']"));
                WebElement fine = browser.findElement(By.cssSelector("#details .source[data-article='fine']"));
                assertThat(hostile.findElements(By.tagName("a"))).as("no link for a javascript: URL").isEmpty();
                assertThat(hostile.getText()).contains("Hostile headline");
                assertThat(fine.findElements(By.tagName("a"))).singleElement()
                        .satisfies(a -> assertThat(a.getAttribute("href")).isEqualTo("https://news.example/fine"));
                assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
                assertThat(browser.getTitle()).isEqualTo("Incidents: timeline");
            } finally {
                browser.quit();
            }
        }
    }

    private static Incident incident() {
        String sentence = "Rockets struck the Green Zone on Tuesday, killing a child and wounding five people.";
        Evidence evidence = new Evidence("killed", "1", "killing a child", sentence, 0, sentence.length());
        Source hostile = new Source("hostile", "Hostile headline", "2020-11-18", "Wire A",
                "javascript:document.title='pwned'", "2020-11-17", 1, 5, List.of(evidence));
        Source fine = new Source("fine", "Fine headline", "2020-11-18", "Wire B", "https://news.example/fine",
                "2020-11-17", 1, 5, List.of(evidence));
        IncidentType type = IncidentType.SHELLING_MISSILE_ATTACK;
        return new Incident(ID, type, type.acledEventType(), type.acledSubEventType(), "2020-11-17", DatePrecision.DAY,
                new Location("Green Zone", "Baghdad", "Baghdad", "Iraq", 33.306, 44.388, 1), List.of("rocket"), 1, 5,
                List.of(), List.of(), List.of(), List.of(hostile, fine), List.of(), 2, 2, "2020-11-18", "2020-11-18",
                "test");
    }

    private static void publish(PipelineConfig config, Incident incident) throws Exception {
        Properties p = config.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topics().incidents.name(), null, incident.id(),
                    Topics.INCIDENT_SERDE.toBytes(incident), SchemaVersion.headers(SchemaVersion.INCIDENT)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private WebDriver chromium() throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TimelinePageIT.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1150",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(TimelinePageIT.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
