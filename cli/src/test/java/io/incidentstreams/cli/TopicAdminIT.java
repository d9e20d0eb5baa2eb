package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topics are created with their declared configs; an existing topic that contradicts them is reported. */
@ExtendWith(SharedKafkaBroker.class)
class TopicAdminIT {
    @Test
    void missingTopicsAreCreatedWithTheirConfigsAndAContradictingOneIsReported() throws Exception {
        Topics topics = new Topics(SharedKafkaBroker.uniqueName("topics") + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.incidents.name(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE))))
                    .all().get(30, TimeUnit.SECONDS);

            List<String> conflicts = new TopicAdmin(admin, Duration.ofSeconds(30)).ensure(topics.all(), 2, (short) -1);

            assertThat(conflicts).singleElement().asString()
                    .contains(topics.incidents.name(), "cleanup.policy is delete, expected compact");
            var created = admin.describeTopics(List.of(topics.rawArticles.name(), topics.deadLetters.name()))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(created.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(2));
            var raw = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topics.rawArticles.name())))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertThat(raw.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }
}
