package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The settings and options behave as Kafka's tools do (issue 16, item 2). */
class SettingsTest {
    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @TempDir
    Path tmp;

    @Test
    void aMisspeltProjectKeyGivenWithXIsAUsageErrorNamingTheNearestKey() {
        assertThat(cli.run("config", "-X", "topic.prefx=foo")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stderr()).contains("unknown setting 'topic.prefx'").contains("did you mean 'topic.prefix'");
    }

    @Test
    void aMisspeltProjectKeyInAConfigFileIsAUsageError() throws Exception {
        Path file = tmp.resolve("app.properties");
        Files.writeString(file, "startup.timeout=5000\n");
        assertThat(cli.run("config", "--config-file", file.toString())).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stderr()).contains("unknown setting 'startup.timeout' in " + file)
                .contains("did you mean 'startup.timeout.ms'");
    }

    @Test
    void anUnknownIncidentsVariableIsAnErrorNamingTheNearestVariable() {
        assertThatThrownBy(() -> Settings.check(Map.of(), "", Map.of("INCIDENTS_TOPIC_PREFX", "x"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INCIDENTS_TOPIC_PREFX").hasMessageContaining("did you mean INCIDENTS_TOPIC_PREFIX");
        assertThatCode(() -> Settings.check(Map.of(), "", Map.of("INCIDENTS_TOPIC_PREFIX", "x",
                "INCIDENTS_DATA_DIR", "/x", "INCIDENTS_JAVA_OPTS", "-Xmx1g", "INCIDENTS_LOG_LEVEL", "DEBUG"), Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownKafkaKeyPassesThroughWithKafkasWarningAndAKnownOneSilently() {
        assertThat(cli.run("config", "-X", "linger.ms=20", "-X", "producer.compression.type=zstd",
                "-X", "topic.segment.bytes=1048576", "-X", "frobnicate.level=3")).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stderr()).contains("the configuration 'frobnicate.level' given with -X was supplied but isn't a known config")
                .doesNotContain("linger.ms").doesNotContain("compression").doesNotContain("segment");
        assertThat(cli.stdout()).contains("frobnicate.level = 3").contains("linger.ms = 20");

        assertThatCode(() -> Settings.check(Map.of(), "", Map.of("KAFKA_FOO_BAR", "1", "KAFKA_HEAP_OPTS", "-Xmx1g"),
                Map.of())).doesNotThrowAnyException();
        assertThat(cli.stderr()).contains("'foo.bar' from the environment was supplied but isn't a known config")
                .doesNotContain("heap.opts");
    }

    @Test
    void ingestOfAFileThatDoesNotExistIsAUsageError() {
        assertThat(cli.run("ingest", "files", tmp.resolve("nonexistent").toString(), "--bootstrap-servers",
                "127.0.0.1:1")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stderr()).contains("no such file or folder");
    }

    @Test
    void oneDurationSyntaxEverywhere() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        CommandLineCheck.parses("snapshot", "--timeout", "30s");
        CommandLineCheck.parses("replay", "--timeout", "5m");
        CommandLineCheck.parses("demo", "--timeout", "PT2M");
    }

    @Test
    void replayFromTakesADateOrAnInstant() {
        InstantConverter c = new InstantConverter();
        assertThat(c.convert("2026-12-07")).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(c.convert("2026-12-07T10:15:00Z")).isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
        assertThat(c.convert("2026-12-07T10:15+01:00")).isEqualTo(Instant.parse("2026-12-07T09:15:00Z"));
        ReplayCommand replay = CommandLineCheck.parses("replay", "--from", "2026-12-07");
        assertThat(replay.from).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(cli.run("replay", "--from", "yesterday")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stderr()).contains("'yesterday' is not a date or an instant");
    }

    @Test
    void versionIsTheProjectsNotDev() {
        assertThat(cli.run("-V")).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stdout()).doesNotContain("dev").containsPattern("^incidents \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void helpShowsExamplesAndExitCodesAndWholeCommandLines() {
        assertThat(cli.run("--help")).isEqualTo(IncidentsCli.OK);
        String help = cli.stdout();
        assertThat(help).contains("Examples:").contains("incidents serve --enrich").contains("Exit codes:")
                .contains("2   A usage or configuration error");
        assertThat(help.lines().filter(l -> l.strip().startsWith("serve ")).findFirst().orElseThrow())
                .endsWith("until Ctrl-C.");
        assertThat(cli.run("snapshot", "--help")).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stdout()).contains("incidents snapshot --format json --timeout 30s").contains("Exit codes:");
        assertThat(cli.run("broker", "--help")).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stdout()).contains("--status").contains("--stop").contains("data folder is in use");
    }

    @Test
    void configListsEachKeyWithItsVariableDefaultAndEffectiveValueInPlainText() {
        assertThat(cli.run("config", "-X", "topic.prefix=test.", "--bootstrap-servers", "kafka:9092")).isEqualTo(IncidentsCli.OK);
        String out = cli.stdout();
        assertThat(out).contains("topic.prefix\n").contains("environment: INCIDENTS_TOPIC_PREFIX")
                .contains("effective:   test.\n")
                .contains("environment: KAFKA_BOOTSTRAP_SERVERS").contains("effective:   kafka:9092\n")
                .contains("startup.timeout.ms").contains("default:     10000").contains("effective:   10000 (default)")
                .contains("state.dir").contains(Path.of(".incidents", "state", "kafka_9092").toString());
        assertThat(out).doesNotContain("``").doesNotContain("====").doesNotContain("^^^^").doesNotContain("  * ");
    }

    @Test
    void stateDirDefaultsUnderIncidentsKeyedByTheBroker() {
        Path home = Path.of("/p/.incidents");
        assertThat(Brokers.stateDir(home, null)).isEqualTo(home.resolve("state/embedded"));
        assertThat(Brokers.stateDir(home, "a:9092,b:9092")).isEqualTo(home.resolve("state/a_9092_b_9092"));
        assertThat(Brokers.stateName("x".repeat(200))).hasSizeLessThanOrEqualTo(80);
    }

    /** Parses a command line as the CLI does, without running it. */
    static final class CommandLineCheck {
        @SuppressWarnings("unchecked")
        static <T> T parses(String... args) {
            picocli.CommandLine.ParseResult result = IncidentsCli.commandLine().parseArgs(args);
            while (result.hasSubcommand()) {
                result = result.subcommand();
            }
            return (T) result.commandSpec().userObject();
        }
    }
}
