package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest {
    private static final Path LOG_DIR = Path.of("/var/tmp/broker data/kraft-data");

    @Test
    void aSingleNodeIsBrokerAndControllerWithAStaticQuorumOnLoopbackOnly() {
        Map<String, String> settings = ServerProperties.settings(19092, 19093, LOG_DIR, Map.of());

        assertThat(settings)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", LOG_DIR.toAbsolutePath().toString());
        assertThat(settings.get("listeners").split(",")).allSatisfy(l -> assertThat(l).contains("//127.0.0.1:"));
    }

    @Test
    void everyInternalTopicHasReplicationFactorAndMinIsrOne() {
        Map<String, String> settings = ServerProperties.settings(1, 2, LOG_DIR, Map.of());

        assertThat(settings)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void topicsAreNeverCreatedImplicitlyAndTheCleanerFitsASmallHeap() {
        Map<String, String> settings = ServerProperties.settings(1, 2, LOG_DIR, Map.of());

        assertThat(settings)
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("num.partitions", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    }

    @Test
    void extraSettingsOverrideTheDefaults() {
        Map<String, String> settings = ServerProperties.settings(1, 2, LOG_DIR,
                Map.of("num.partitions", "4", "log.retention.ms", "-1"));

        assertThat(settings).containsEntry("num.partitions", "4").containsEntry("log.retention.ms", "-1");
    }

    @Test
    void renderedFileLoadsBackToTheSameSettingsEvenWithBackslashesAndSpaces() throws Exception {
        Map<String, String> settings = new HashMap<>(ServerProperties.settings(19092, 19093, LOG_DIR, Map.of()));
        settings.put("log.dirs", "C:\\Users\\some one\\kafka data");
        settings.put("weird key=with:separators", " leading space and # hash");

        Properties loaded = new Properties();
        loaded.load(new StringReader(ServerProperties.render(settings)));

        Map<String, String> back = new HashMap<>();
        loaded.stringPropertyNames().forEach(key -> back.put(key, loaded.getProperty(key)));
        assertThat(back).isEqualTo(settings);
    }

    @Test
    void renderingIsSortedSoTwoRenderingsCompareEqual() {
        String rendered = ServerProperties.render(ServerProperties.settings(1, 2, LOG_DIR, Map.of()));

        assertThat(rendered.lines().filter(line -> !line.startsWith("#"))).isSorted();
        assertThat(rendered).contains("listeners=PLAINTEXT://127.0.0.1:1,CONTROLLER://127.0.0.1:2\n");
    }
}
