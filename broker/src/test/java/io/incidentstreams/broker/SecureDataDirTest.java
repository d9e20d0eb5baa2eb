package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder keeps the listener it was formatted with; the refusal comes before any JVM is launched. */
class SecureDataDirTest {
    @TempDir
    Path dir;

    private void formatted() throws Exception {
        Files.createDirectories(dir.resolve(KafkaBroker.KAFKA_DATA));
        Files.writeString(dir.resolve(KafkaBroker.KAFKA_DATA).resolve("meta.properties"), "node.id=1\n");
    }

    @Test
    void aFolderFormattedWithoutSecurityCannotBeStartedSecured() throws Exception {
        formatted();
        assertThatThrownBy(() -> KafkaBroker.builder().dataDir(dir).secure().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was made without the SASL_SSL listener").hasMessageContaining("use another data folder");
    }

    @Test
    void aSecuredFolderCannotBeStartedWithoutSecurity() throws Exception {
        formatted();
        Files.createDirectories(dir.resolve(KafkaBroker.SECURITY_DIR));
        Files.writeString(dir.resolve(KafkaBroker.SECURITY_DIR).resolve(BrokerSecurity.CREDENTIALS), "user=incidents\n");
        assertThatThrownBy(() -> KafkaBroker.builder().dataDir(dir).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was made with the SASL_SSL listener");
    }
}
