package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code incidents broker} is safe: one broker per data folder, a refused second start names the process holding it
 * and leaves the running broker's address file alone, {@code --status} and {@code --stop} act on it, and a stale lock
 * of a killed broker is cleared. The first broker runs in a child JVM, as a second terminal would run it.
 */
class BrokerCommandIT {
    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @TempDir
    Path home;

    private Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        System.clearProperty("incidents.home");
        if (child != null && child.isAlive()) {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondBrokerOnTheSameFolderIsRefusedAndStatusAndStopActOnTheFirst() throws Exception {
        Path dir = home.resolve(".incidents").resolve("broker");
        String address = startBrokerProcess(dir);
        Path addressFile = dir.resolve(Brokers.ADDRESS_FILE);
        assertThat(Files.readString(addressFile).trim()).isEqualTo(address);

        assertThat(cli.run("broker", "--port", "0", "--data-dir", dir.toString())).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stderr()).contains("a broker already runs on " + dir)
                .contains("in use by process " + child.pid()).contains("listening on " + address)
                .contains("incidents broker --stop").doesNotContain("exited with code");
        assertThat(Files.readString(addressFile).trim()).as("the running broker's address file is kept").isEqualTo(address);

        assertThat(cli.run("broker", "--status", "--data-dir", dir.toString())).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stdout()).contains("broker running on " + dir).contains("process " + child.pid())
                .contains("listening on " + address);

        // Without the address file, a command that would start its own broker uses the one holding the folder.
        Files.move(addressFile, dir.resolve("moved-away"));
        System.setProperty("incidents.home", home.toString());
        Path article = home.resolve("article.txt");
        Files.writeString(article, " date 2026-12-01 Two people were killed in a shelling of Kharkiv, Ukraine.\n");
        assertThat(cli.run("ingest", "files", article.toString())).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stderr()).contains("using the embedded broker at " + address + " that process " + child.pid());
        Files.move(dir.resolve("moved-away"), addressFile);

        assertThat(cli.run("broker", "--stop", "--data-dir", dir.toString())).isEqualTo(IncidentsCli.OK);
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the broker process has exited").isTrue();
        assertThat(cli.run("broker", "--status", "--data-dir", dir.toString())).isEqualTo(IncidentsCli.FAILED);
        assertThat(cli.stdout()).contains("no broker running on " + dir);
        assertThat(cli.run("broker", "--stop", "--data-dir", dir.toString())).isEqualTo(IncidentsCli.FAILED);
        assertThat(addressFile).doesNotExist();
    }

    @Test
    void theStaleLockOfAKilledBrokerIsClearedByTheNextStart() throws Exception {
        Path dir = home.resolve(".incidents").resolve("broker");
        startBrokerProcess(dir);
        long killed = child.pid();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.run("broker", "--status", "--data-dir", dir.toString())).isEqualTo(IncidentsCli.FAILED);

        System.setProperty("incidents.home", home.toString());
        Path article = home.resolve("article.txt");
        Files.writeString(article, " date 2026-12-01 Two people were killed in a shelling of Kharkiv, Ukraine.\n");
        int exit = cli.run("ingest", "files", article.toString());
        assertThat(exit).as(cli.stderr()).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stderr()).contains("cleared a stale lock").contains("left by process " + killed)
                .doesNotContain("exited with code");
    }

    /** Runs {@code incidents broker --port 0 --data-dir dir} in a child JVM; returns the address it prints. */
    private String startBrokerProcess(Path dir) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), IncidentsCli.class.getName(),
                "broker", "--port", "0", "--data-dir", dir.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("broker-command.log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("INCIDENTS_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the broker's address; log: %s", home.resolve("broker-command.log")).matches("127\\.0\\.0\\.1:\\d+");
        return line;
    }
}
