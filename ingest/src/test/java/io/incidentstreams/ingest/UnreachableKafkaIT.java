package io.incidentstreams.ingest;

import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.files.InputFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No broker listens on port 1: ingest must say so within seconds instead of hanging. */
class UnreachableKafkaIT {
    @TempDir
    Path dir;

    @Test
    void unreachableBrokerFailsFastWithAClearMessage() {
        new InputFiles(dir).text("a.txt", MARKET_ATTACK);
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1",
                PipelineConfig.STARTUP_TIMEOUT_MS, "3000"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> new Ingester(config).ingest(List.of(dir), ProgressListener.NONE))
                .isInstanceOf(IngestException.class)
                .hasMessage("cannot reach Kafka at 127.0.0.1:1 within 3 s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void unresolvableHostFailsWithTheSameClearStart() {
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, "no-such-host.invalid:9092",
                PipelineConfig.STARTUP_TIMEOUT_MS, "3000"));

        assertThatThrownBy(() -> new Ingester(config).ingest(List.of(dir), ProgressListener.NONE))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("cannot reach Kafka at no-such-host.invalid:9092 within 3 s");
    }
}
