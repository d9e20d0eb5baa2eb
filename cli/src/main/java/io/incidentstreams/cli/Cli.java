package io.incidentstreams.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Console output: results on stdout, everything for people (progress, notices, errors) on stderr. */
final class Cli {
    static PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    static volatile PrintStream ERR = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    private static volatile String commandLine = "incidents";

    private Cli() {
    }

    /** {@code incidents} and the arguments of this run, as recorded in a broker's data folder lock. */
    static String commandLine() {
        return commandLine;
    }

    static void commandLine(String... args) {
        String line = "incidents " + String.join(" ", args);
        commandLine = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** Sends results elsewhere: tests read what a command printed. */
    static void redirectOut(PrintStream out) {
        OUT = out;
    }

    /** Sends messages elsewhere: tests read what a command told its user. */
    static void redirectErr(PrintStream err) {
        ERR = err;
    }

    static void err(String line) {
        ERR.println("incidents: " + line);
    }

    /** The project folder: set by ./incidents, else the working directory. */
    static Path home() {
        String home = System.getProperty("incidents.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    /** Where commands keep the embedded broker's data: INCIDENTS_DATA_DIR, else .incidents in the project. */
    static Path dataDir() {
        String dir = System.getenv("INCIDENTS_DATA_DIR");
        return dir != null ? Path.of(dir).toAbsolutePath() : home().resolve(".incidents");
    }
}
