package io.incidentstreams.broker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Builds the command line of a child JVM that sees the same classes as this one. */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The entries of {@code javaClassPath}, each followed by the entries its jar manifest's {@code Class-Path} names.
     *
     * <p>Surefire and Failsafe run tests from a manifest-only jar: {@code java.class.path} is that single jar, and the
     * real classpath lives in its manifest. The JVM would follow the manifest too, but Maven deletes the jar when the
     * test run ends, so the child gets the expanded list and does not depend on it.
     */
    static List<String> expandClasspath(String javaClassPath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : javaClassPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            entries.addAll(manifestClassPath(Path.of(entry)));
        }
        return new ArrayList<>(entries);
    }

    private static List<String> manifestClassPath(Path entry) {
        if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
            return List.of();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            URI base = entry.toAbsolutePath().getParent().toUri();
            List<String> result = new ArrayList<>();
            for (String token : classPath.trim().split("\\s+")) {
                try {
                    result.add(Path.of(base.resolve(token)).toString());
                } catch (IllegalArgumentException e) {
                    // Not a file reference (an http: entry, say): the JVM would ignore it as well.
                }
            }
            return result;
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Writes {@code -cp <classpath>} to a JVM argument file ({@code java @file}).
     *
     * <p>An argument file keeps a long expanded classpath off the command line, whose length is limited on some
     * systems.
     */
    static Path writeClasspathArgFile(Path file, List<String> classpath) {
        String joined = String.join(File.pathSeparator, classpath);
        String quoted = "\"" + joined.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        try {
            Files.writeString(file, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** The {@code java} launcher of the running JVM, so the child uses the same Java version. */
    static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve(File.separatorChar == '\\' ? "java.exe" : "java");
        return java.toString();
    }

    /**
     * A log4j2 configuration that appends everything to {@code logFile}.
     *
     * <p>The child's classpath is the parent's, which may hold a {@code log4j2-test.xml} meant for the parent; naming
     * the file explicitly wins over anything found on the classpath.
     */
    static String log4j2Config(Path logFile) {
        String file = logFile.toAbsolutePath().toString()
                .replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <File name="broker" fileName="%s" append="true" immediateFlush="true">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="state.change.logger" level="WARN"/>
                    <Logger name="org.apache.kafka.storage.internals.log" level="WARN"/>
                    <Logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
                    <Logger name="kafka.server.KafkaConfig" level="WARN"/>
                    <Root level="INFO"><AppenderRef ref="broker"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(file);
    }
}
