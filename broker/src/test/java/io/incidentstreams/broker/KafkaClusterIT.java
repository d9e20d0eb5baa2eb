package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three combined KRaft nodes in child JVMs: one quorum, topics replicated three ways, and every node killed with
 * SIGKILL in turn while the others keep accepting {@code acks=all} writes and transactions.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KafkaClusterIT {
    static final Path LOGS = Path.of("target", "kafka-cluster-logs");

    @Test
    void eachNodeKilledInTurnLosesNoAcknowledgedRecordAndRejoinsTheIsr() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().nodes(3).logDir(LOGS).start()) {
            String bootstrap = cluster.bootstrapServers();
            assertThat(bootstrap.split(",")).hasSize(3);
            String topic = "replicated";
            try (Admin admin = Clients.admin(bootstrap)) {
                assertThat(admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)).extracting(Node::id)
                        .containsExactlyInAnyOrder(1, 2, 3);
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
                TopicPartitionInfo partition = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic).partitions().get(0);
                assertThat(partition.replicas()).hasSize(3);
            }

            Map<String, String> sent = new LinkedHashMap<>();
            for (int node = 0; node < cluster.size(); node++) {
                put(sent, "before-kill-" + node, 20);
                Clients.produce(bootstrap, topic, tail(sent, 20));
                cluster.kill(node);
                assertThat(cluster.node(node).isRunning()).isFalse();

                // Two of three replicas are enough for acks=all at min ISR 2, and for a transaction.
                put(sent, "while-down-" + node, 20);
                Clients.produce(bootstrap, topic, tail(sent, 20));
                Clients.produceInTransaction(bootstrap, topic, "tx-" + node, Map.of("tx-" + node, "committed"));
                sent.put("tx-" + node, "committed");

                cluster.restart(node);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                        .until(() -> cluster.partitionsNotInSync().isEmpty());
            }

            List<ConsumerRecord<String, String>> read = Clients.readAll(bootstrap, topic, sent.size(), true);
            assertThat(read).hasSize(sent.size());
            assertThat(read.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value)))
                    .isEqualTo(sent);
            try (Admin admin = Clients.admin(bootstrap)) {
                TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic);
                assertThat(description.partitions().get(0).isr()).hasSize(3);
            }
        }
    }

    private static void put(Map<String, String> sent, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            sent.put(prefix + "-" + i, "v" + i);
        }
    }

    private static Map<String, String> tail(Map<String, String> sent, int count) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(sent.entrySet());
        Map<String, String> last = new LinkedHashMap<>();
        entries.subList(entries.size() - count, entries.size()).forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }
}
