package io.incidentstreams.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of an {@code incidents enrich} child JVM in fault tests: the real command, plus an exit when the
 * test JVM goes away. The child's stdin is a pipe the test JVM holds; the operating system closes it however the
 * test JVM dies, so end-of-file on stdin means no one is left to stop this process.
 */
public final class EnrichChildMain {
    private EnrichChildMain() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // The parent never writes.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end-of-file.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        IncidentsCli.main(args);
    }
}
