package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {

    @Test
    void threeNodesVoteInOneStaticQuorumAndReplicateInternalTopicsThreeWaysWithAMinIsrOfTwo() {
        Map<String, String> settings = KafkaCluster.sharedSettings(List.of(19093, 19095, 19097));

        assertThat(settings)
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("share.coordinator.state.topic.replication.factor", "3")
                .containsEntry("share.coordinator.state.topic.min.isr", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aSingleNodeClusterKeepsEverythingAtOneReplica() {
        Map<String, String> settings = KafkaCluster.sharedSettings(List.of(19093));

        assertThat(settings)
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("transaction.state.log.min.isr", "1");
    }

    @Test
    void nodeSettingsOverrideTheSingleNodeDefaultsOfServerProperties() {
        Map<String, String> overrides = new java.util.HashMap<>(KafkaCluster.sharedSettings(List.of(1, 2, 3)));
        overrides.put("node.id", "2");
        Map<String, String> settings = ServerProperties.settings(9092, 2, java.nio.file.Path.of("/tmp/x"), overrides);

        assertThat(settings)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:1,2@127.0.0.1:2,3@127.0.0.1:3")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:2")
                .containsEntry("min.insync.replicas", "2");
    }
}
