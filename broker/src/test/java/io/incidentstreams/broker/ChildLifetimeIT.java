package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** No broker outlives the JVM that started it, whether that JVM exits or is killed. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChildLifetimeIT {
    @TempDir
    Path work;

    private Process parent;
    private long childPid = -1;
    private Path childDataDir;

    /** A parent killed with SIGKILL cannot delete its broker's temporary data dir; the test does it instead. */
    @AfterEach
    void cleanUp() throws Exception {
        if (parent != null) {
            parent.destroyForcibly();
        }
        if (childPid > 0) {
            ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(30)).until(() -> isGone(childPid));
        }
        if (childDataDir != null && Files.exists(childDataDir)) {
            try (var paths = Files.walk(childDataDir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void theBrokerStopsWhenItsParentJvmIsKilledWithSigkill() throws Exception {
        Map<String, String> started = startParent("hold");
        childPid = Long.parseLong(started.get("child-pid"));
        assertThat(isGone(childPid)).isFalse();

        parent.destroyForcibly();
        assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100)).until(() -> isGone(childPid));
    }

    @Test
    void theBrokerStopsWhenItsParentJvmExitsWithoutClosingIt() throws Exception {
        Map<String, String> started = startParent("exit");
        childPid = Long.parseLong(started.get("child-pid"));

        assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(isGone(childPid)).isTrue();
        assertThat(Path.of(started.get("data-dir"))).doesNotExist();
    }

    @Test
    void onCtrlCTheBrokerOutlivesTheClientsThatHoldItAndThenStops() throws Exception {
        Map<String, String> started = startParent("client");
        childPid = Long.parseLong(started.get("child-pid"));

        // A terminal's Ctrl-C sends SIGINT to the whole foreground process group: the parent and its broker. The
        // broker ignores its SIGINT: its parent stops it once the clients are done.
        signal("INT", childPid);
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).until(() -> !isGone(childPid));
        signal("INT", parent.pid());

        assertThat(parent.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String rest = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rest).as("parent stdout; stderr: %s", Files.readString(work.resolve("parent.err")))
                .contains("client-closed-cleanly=true");
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100)).until(() -> isGone(childPid));
        assertThat(Path.of(started.get("data-dir"))).doesNotExist();
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as(new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    /** Starts {@link BrokerParentMain} and returns the {@code key=value} lines it prints once its broker is up. */
    private Map<String, String> startParent(String mode) throws Exception {
        Path args = ChildJvm.writeClasspathArgFile(work.resolve("parent.args"),
                ChildJvm.expandClasspath(System.getProperty("java.class.path")));
        parent = new ProcessBuilder(List.of(ChildJvm.javaExecutable(), "@" + args, "-Xmx64m",
                BrokerParentMain.class.getName(), mode))
                .redirectError(work.resolve("parent.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Map<String, String>> lines = CompletableFuture.supplyAsync(() -> {
            Map<String, String> values = new HashMap<>();
            try {
                String line;
                while (values.size() < 2 && (line = out.readLine()) != null) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        values.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return values;
        });
        Map<String, String> values = lines.get(90, TimeUnit.SECONDS);
        assertThat(values).as("parent output; stderr: %s", Files.readString(work.resolve("parent.err")))
                .containsKeys("child-pid", "data-dir");
        childDataDir = Path.of(values.get("data-dir"));
        return values;
    }

    /**
     * True when the process no longer exists or is a zombie: an orphan is reaped by whatever adopts it, which in a
     * container may be a PID 1 that never reaps.
     */
    static boolean isGone(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return true;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            return false;
        }
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return !Files.exists(stat);
        }
    }
}
