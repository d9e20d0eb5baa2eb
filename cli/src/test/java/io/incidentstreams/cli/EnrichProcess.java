package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code incidents enrich} in a child JVM with the test's classpath, so that a fault test can kill it with SIGKILL
 * as a crash would. Its output goes to a log file under {@code target/}.
 */
final class EnrichProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private EnrichProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts enrich for {@code config}'s topics and application id, with its state in {@code stateDir}. Client
     * settings in {@code extra} (e.g. a short {@code session.timeout.ms}) are passed with {@code -X}.
     */
    static EnrichProcess start(PipelineConfig config, Path stateDir, Path log, String... extra) {
        return start(config, stateDir, log, List.of(), extra);
    }

    /** As {@link #start(PipelineConfig, Path, Path, String...)}, with more options of {@code incidents enrich}. */
    static EnrichProcess start(PipelineConfig config, Path stateDir, Path log, List<String> options, String... extra) {
        try {
            Files.createDirectories(log.getParent());
            Path argFile = log.resolveSibling(log.getFileName() + ".args");
            String classpath = System.getProperty("java.class.path");
            Files.writeString(argFile, "-cp\n\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n",
                    StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + argFile,
                    "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", EnrichChildMain.class.getName(), "enrich",
                    "--bootstrap-servers", config.bootstrapServers(),
                    "--topic-prefix", config.getString(PipelineConfig.TOPIC_PREFIX),
                    "--application-id", config.getString(PipelineConfig.APPLICATION_ID),
                    "-X", PipelineConfig.STATE_DIR + "=" + stateDir));
            command.addAll(options);
            for (String setting : extra) {
                command.add("-X");
                command.add(setting);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("INCIDENTS_")
                    || k.equals("JAVA_TOOL_OPTIONS"));
            return new EnrichProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start enrich in a child JVM", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("enrich pid " + process.pid() + " survived SIGKILL");
        }
    }

    /** Where the child's output goes, for failure messages. */
    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    @Override
    public String toString() {
        return "enrich pid " + process.pid() + " (log " + log + ")";
    }
}
