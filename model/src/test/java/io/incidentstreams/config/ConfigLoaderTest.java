package io.incidentstreams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = dir.resolve("incidents.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\ntopic.prefix=file.\nlinger.ms=5\n");

        PipelineConfig config = ConfigLoader.load(file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "INCIDENTS_TOPIC_PREFIX", "env."),
                Map.of("topic.prefix", "flag."));

        assertThat(config.bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.topics().incidents.name()).isEqualTo("flag.incidents");
        assertThat(config.clientProperties()).containsEntry("linger.ms", "5");
    }

    @Test
    void kafkaClientPropertiesPassThroughAndProjectKeysDoNot() {
        PipelineConfig config = ConfigLoader.load(null,
                Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "INCIDENTS_DATA_DIR", "/somewhere"),
                Map.of("bootstrap.servers", "b:9092", "max.poll.records", "50", "topic.partitions", "2"));

        assertThat(config.clientProperties())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("max.poll.records", "50")
                .containsEntry("bootstrap.servers", "b:9092")
                .doesNotContainKeys("topic.partitions", "data.dir");
    }

    @Test
    void missingBootstrapServersFailsFastNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void anInvalidValueFailsFastNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(),
                Map.of("bootstrap.servers", "b:9092", "topic.partitions", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.partitions");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.properties");
    }

    @Test
    void variablesOfKafkasScriptsAreNoClientProperties() {
        assertThat(ConfigLoader.kafkaEnv(Map.of("KAFKA_HEAP_OPTS", "-Xmx1g", "KAFKA_OPTS", "-Dx", "KAFKA_HOME", "/opt/kafka",
                "KAFKA_LINGER_MS", "20"))).containsExactly(Map.entry("linger.ms", "20"));
    }
}
