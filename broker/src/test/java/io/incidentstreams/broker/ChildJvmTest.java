package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    @TempDir
    Path dir;

    @Test
    void aManifestOnlyJarIsExpandedIntoTheEntriesItsManifestNames() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("repo with space"));
        Path absolute = Files.createFile(libs.resolve("kafka.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path booter = writeManifestJar(dir.resolve("booter/surefirebooter1.jar"),
                absolute.toUri() + " ../classes/");

        List<String> entries = ChildJvm.expandClasspath(booter.toString());

        assertThat(entries).containsExactly(booter.toString(), absolute.toString(), classes.toString());
    }

    @Test
    void aPlainClasspathIsKeptAsItIsWithoutDuplicates() throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Path b = Files.createDirectories(dir.resolve("b"));
        String classpath = String.join(File.pathSeparator, a.toString(), b.toString(), a.toString());

        assertThat(ChildJvm.expandClasspath(classpath)).containsExactly(a.toString(), b.toString());
    }

    @Test
    void theArgumentFileQuotesTheClasspathForTheJavaLauncher() throws Exception {
        Path file = ChildJvm.writeClasspathArgFile(dir.resolve("cp.args"), List.of("/a b/x.jar", "/c/y.jar"));

        assertThat(Files.readString(file))
                .isEqualTo("-cp\n\"/a b/x.jar" + File.pathSeparator + "/c/y.jar\"\n");
    }

    @Test
    void theBrokerLogConfigNamesTheLogFile() {
        String config = ChildJvm.log4j2Config(dir.resolve("logs/broker.log"));

        assertThat(config).contains("fileName=\"" + dir.resolve("logs/broker.log").toAbsolutePath() + "\"")
                .contains("<Root level=\"INFO\">");
    }

    private static Path writeManifestJar(Path jar, String classPath) throws Exception {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out, manifest).close();
        }
        return jar;
    }
}
