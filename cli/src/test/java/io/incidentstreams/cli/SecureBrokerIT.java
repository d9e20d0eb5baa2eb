package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.config.ConfigLoader;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Incident;
import io.incidentstreams.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code incidents broker --secure}, run in a child JVM as a second terminal would run it: SASL_SSL with
 * SCRAM-SHA-512, and the client.properties it writes is all the commands need. A wrong password is reported as an
 * authentication failure in one sentence, within {@code startup.timeout.ms}, with exit 1. One broker for the class.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SecureBrokerIT {
    private static final Path SAMPLES = Path.of("..", "samples", "articles");

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @TempDir
    static Path home;

    static Process child;
    static String address;
    static Path clientProperties;

    @BeforeAll
    static void startSecureBroker() throws IOException {
        Path dir = home.resolve("secure-broker");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), IncidentsCli.class.getName(),
                "broker", "--secure", "--port", "0", "--data-dir", dir.toString());
        Path log = home.resolve("broker-command.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("INCIDENTS_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        address = out.readLine();
        assertThat(address).as("the broker's address; log: %s", log).matches("127\\.0\\.0\\.1:\\d+");
        clientProperties = dir.resolve(BrokerCommand.CLIENT_PROPERTIES);
        System.setProperty("incidents.home", home.toString());
    }

    @AfterAll
    static void stopSecureBroker() throws InterruptedException {
        System.clearProperty("incidents.home");
        if (child != null && child.isAlive()) {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void theBrokerWritesClientSettingsReadableByItsOwnerOnly() throws IOException {
        Map<String, String> settings = ConfigLoader.readFile(clientProperties);
        assertThat(settings).containsEntry("bootstrap.servers", address)
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKeys("sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password");
        assertThat(settings.get("sasl.jaas.config")).contains("ScramLoginModule").contains("username=\"incidents\"");
        assertThat(Path.of(settings.get("ssl.truststore.location"))).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clientProperties))).isEqualTo("rw-------");
    }

    @Test
    void thePipelineRunsAgainstTheSecuredBrokerWithTheClientSettingsFile(@TempDir Path state) throws Exception {
        String prefix = "secured.";
        int ingest = cli.run("ingest", "files", SAMPLES.toString(), "--config-file", clientProperties.toString(),
                "--topic-prefix", prefix);
        assertThat(ingest).as(cli.stderr()).isEqualTo(IncidentsCli.OK);

        Map<String, String> settings = new java.util.HashMap<>(ConfigLoader.readFile(clientProperties));
        settings.put(PipelineConfig.TOPIC_PREFIX, prefix);
        settings.put(PipelineConfig.APPLICATION_ID, "secured-enrich");
        settings.put(PipelineConfig.STATE_DIR, state.toString());
        PipelineConfig config = new PipelineConfig(settings);
        Extractor extractor = Extractor.load(null);
        try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion())) {
            app.start();
            TestPipelines.awaitProcessed(config, Duration.ofMinutes(2));
            assertThat(app.fatalError()).isNull();
        }

        int snapshot = cli.run("snapshot", "--format", "json", "--config-file", clientProperties.toString(),
                "--topic-prefix", prefix);
        assertThat(snapshot).as(cli.stderr()).isEqualTo(IncidentsCli.OK);
        List<Incident> incidents = cli.stdout().lines().map(line -> {
            try {
                return Json.MAPPER.readValue(line, Incident.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not an incident: " + line, e);
            }
        }).toList();
        assertThat(incidents).isNotEmpty().allSatisfy(i -> {
            assertThat(i.id()).startsWith("inc-");
            assertThat(i.sources()).isNotEmpty();
        });
    }

    @Test
    void aWrongPasswordFailsWithinTheStartupTimeoutSayingAuthenticationFailed() throws IOException {
        String text = Files.readString(clientProperties);
        String jaas = ConfigLoader.readFile(clientProperties).get("sasl.jaas.config");
        String wrongJaas = jaas.replaceAll("password=\"[^\"]*\"", "password=\"wrong\"");
        assertThat(wrongJaas).isNotEqualTo(jaas);
        Path wrong = home.resolve("wrong.properties");
        Files.writeString(wrong, text.replace(jaas, wrongJaas));
        Duration timeout = Duration.ofSeconds(10);

        long begin = System.nanoTime();
        int exit = cli.run("snapshot", "--config-file", wrong.toString(), "-X", "startup.timeout.ms=" + timeout.toMillis());
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(exit).isEqualTo(IncidentsCli.FAILED);
        assertThat(took).isLessThan(timeout.plusSeconds(20));
        List<String> errors = cli.stderr().lines().filter(l -> l.startsWith("incidents: error:")).toList();
        assertThat(errors).singleElement().asString()
                .contains("authentication failed at " + address)
                .doesNotContain("Unexpected handshake").doesNotContain("no Kafka broker answered");
    }

    /** A mechanism the broker does not enable: Kafka says "Client SASL mechanism ... not enabled in the server". */
    @Test
    void aMechanismTheBrokerDoesNotEnableIsAlsoAnAuthenticationFailure() throws IOException {
        Path other = home.resolve("sha256.properties");
        Files.writeString(other, Files.readString(clientProperties).replace("sasl.mechanism=SCRAM-SHA-512",
                "sasl.mechanism=SCRAM-SHA-256"));

        int exit = cli.run("snapshot", "--config-file", other.toString(), "-X", "startup.timeout.ms=10000");

        assertThat(exit).isEqualTo(IncidentsCli.FAILED);
        List<String> errors = cli.stderr().lines().filter(l -> l.startsWith("incidents: error:")).toList();
        assertThat(errors).singleElement().asString().contains("authentication failed at " + address)
                .doesNotContain("no Kafka broker answered");
    }

    /** The JDK's own truststore does not hold the broker's self-signed certificate. */
    @Test
    void aTruststoreThatDoesNotTrustTheBrokerIsAnAuthenticationFailureOfTheHandshake() throws IOException {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        Map<String, String> settings = ConfigLoader.readFile(clientProperties);
        Path other = home.resolve("untrusted.properties");
        Files.writeString(other, Files.readString(clientProperties)
                .replace("ssl.truststore.location=" + settings.get("ssl.truststore.location"),
                        "ssl.truststore.location=" + cacerts)
                .replace("ssl.truststore.password=" + settings.get("ssl.truststore.password"),
                        "ssl.truststore.password=changeit")
                .replace("ssl.truststore.type=PKCS12", "ssl.truststore.type=JKS"));

        int exit = cli.run("snapshot", "--config-file", other.toString(), "-X", "startup.timeout.ms=10000");

        assertThat(exit).isEqualTo(IncidentsCli.FAILED);
        List<String> errors = cli.stderr().lines().filter(l -> l.startsWith("incidents: error:")).toList();
        assertThat(errors).singleElement().asString().contains("authentication failed at " + address)
                .contains("the TLS handshake failed").doesNotContain("no Kafka broker answered");
    }
}
