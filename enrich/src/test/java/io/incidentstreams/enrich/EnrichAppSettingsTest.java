package io.incidentstreams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.config.PipelineConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The project's Streams defaults, and that every one gives way to a setting the user made. */
class EnrichAppSettingsTest {
    private static StreamsConfig effective(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put(PipelineConfig.BOOTSTRAP_SERVERS, "localhost:9092");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        Properties props = EnrichApp.streamsProperties(new PipelineConfig(settings));
        return new StreamsConfig(props);
    }

    @Test
    void exactlyOnceWithAShortCommitInterval() {
        StreamsConfig config = effective();

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30L);
    }

    @Test
    void theUsersCommitIntervalWins() {
        assertThat(effective("commit.interval.ms", "250").getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(250L);
    }

    @Test
    void atLeastOnceKeepsStreamsOwnCommitInterval() {
        StreamsConfig config = effective("processing.guarantee", "at_least_once");

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30_000L);
    }
}
