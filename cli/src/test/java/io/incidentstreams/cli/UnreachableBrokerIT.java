package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that talks to Kafka reports a broker that does not answer within {@code startup.timeout.ms}, in one
 * sentence, with exit 1. Before, snapshot took 64 s and ended in Kafka's raw "Timeout expired while fetching topic
 * metadata", tail 31 s, serve 61 s. The bound is generous: the timeout plus 20 s of slack on a loaded machine.
 */
class UnreachableBrokerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SLACK = Duration.ofSeconds(20);

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @TempDir
    static Path tmp;

    static Stream<Arguments> commands() throws IOException {
        Path article = tmp.resolve("article.txt");
        Files.writeString(article, " date 2026-12-01 Two people were killed in a shelling of Kharkiv, Ukraine.\n");
        return Stream.of(
                Arguments.of(List.of("snapshot", "--timeout", "30s")),
                Arguments.of(List.of("tail")),
                Arguments.of(List.of("serve", "--port", "0")),
                Arguments.of(List.of("replay", "--from", "2026-12-07")),
                Arguments.of(List.of("ingest", "files", article.toString())),
                Arguments.of(List.of("enrich", "-X", "state.dir=" + tmp.resolve("state"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void reportsAnUnreachableBrokerWithinTheStartupTimeout(List<String> command) throws IOException {
        String servers = "127.0.0.1:" + closedPort();
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--bootstrap-servers", servers, "-X", "startup.timeout.ms=" + TIMEOUT.toMillis()));

        long begin = System.nanoTime();
        int exit = cli.run(args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(exit).isEqualTo(IncidentsCli.FAILED);
        assertThat(took).isLessThan(TIMEOUT.plus(SLACK));
        List<String> errors = cli.stderr().lines().filter(l -> l.startsWith("incidents: error:")).toList();
        assertThat(errors).singleElement().asString()
                .contains("no Kafka broker answered at " + servers + " within 2s (startup.timeout.ms)")
                .doesNotContain("Timeout expired");
    }

    /** A port on which nothing listens: bound, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
