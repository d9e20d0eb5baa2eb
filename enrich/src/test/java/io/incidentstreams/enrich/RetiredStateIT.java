package io.incidentstreams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.replay.Replay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * State of an earlier enrich version, in a store format this version does not read, is refused at start rather
 * than silently left behind; a full replay removes it and enrich starts.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class RetiredStateIT {
    @TempDir
    Path state;

    @Test
    void enrichRefusesAnEarlierVersionsStateUntilAFullReplayRebuildsIt() throws Exception {
        String name = SharedKafkaBroker.uniqueName("retired");
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, name + ".",
                PipelineConfig.APPLICATION_ID, name,
                PipelineConfig.STATE_DIR, state.toString()));
        String oldChangelog = name + "-" + StoreNames.RETIRED.get(0) + "-changelog";
        try (Admin admin = Admin.create(config.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(oldChangelog, Optional.of(1), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);

            try (EnrichApp app = new EnrichApp(config, a -> List.of(), "test")) {
                assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(oldChangelog).hasMessageContaining("incidents replay");
            }

            Replay.run(config, a -> List.of(), "test", null, Duration.ofSeconds(60), line -> { });
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(oldChangelog)
                    .contains(name + "-" + StoreNames.INCIDENTS + "-changelog");
        }
    }
}
