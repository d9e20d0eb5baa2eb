package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.DataDirLock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BrokersTest {
    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty("incidents.home");
    }

    @Test
    void aCommandThatWouldStartTheEmbeddedBrokerOnALockedFolderSaysWhichProcessHoldsIt() {
        System.setProperty("incidents.home", home.toString());
        Path dir = home.resolve(".incidents").resolve("broker");
        try (DataDirLock lock = DataDirLock.acquire(dir.resolve("data"), "incidents enrich", s -> { })) {
            assertThat(cli.run("snapshot", "--timeout", "5s")).isEqualTo(IncidentsCli.FAILED);
        }
        assertThat(cli.stderr()).contains("a broker already runs on " + dir)
                .contains("in use by process " + ProcessHandle.current().pid() + " (incidents enrich)")
                .contains("no broker answers there yet").doesNotContain("exited with code");
    }
}
