package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker against real clients. Round trips use the shared broker; lifecycle tests start their own, since they
 * stop, kill and restart it.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaBrokerIT {

    @Test
    void recordsProducedToAFreshTopicAreConsumedByAGroupThatCommitsItsOffsets() throws Exception {
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        String topic = SharedKafkaBroker.uniqueName("round-trip");
        String group = SharedKafkaBroker.uniqueName("round-trip-group");
        Clients.createTopic(bootstrap, topic);
        Clients.produce(bootstrap, topic, Map.of("a", "1", "b", "2", "c", "3"));

        try (KafkaConsumer<String, String> consumer = Clients.consumer(bootstrap, group, false)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = Clients.pollUntil(consumer, 3);
            consumer.commitSync(Duration.ofSeconds(20));
            assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactlyInAnyOrder(
                            tuple("a", "1"),
                            tuple("b", "2"),
                            tuple("c", "3"));
        }
        try (Admin admin = Clients.admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            assertThat(committed.get(new TopicPartition(topic, 0)).offset()).isEqualTo(3);
        }
    }

    @Test
    void aTransactionalProducerCommitsOnASingleNode() throws Exception {
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        String topic = SharedKafkaBroker.uniqueName("transactions");
        Clients.createTopic(bootstrap, topic);

        Clients.produceInTransaction(bootstrap, topic, SharedKafkaBroker.uniqueName("tx"), Map.of("k", "committed"));

        List<ConsumerRecord<String, String>> records = Clients.readAll(bootstrap, topic, 1, true);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
    }

    @Test
    void topicsAndRecordsSurviveAGracefulRestartOnTheSamePort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().start()) {
            String bootstrap = broker.bootstrapServers();
            long firstPid = broker.pid();
            Clients.createTopic(bootstrap, "survivor");
            Clients.produce(bootstrap, "survivor", Map.of("k1", "v1", "k2", "v2"));

            broker.restart();

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(broker.pid()).isNotEqualTo(firstPid);
            assertThat(ProcessHandle.of(firstPid)).isEmpty();
            assertThat(Clients.readAll(bootstrap, "survivor", 2, false))
                    .extracting(ConsumerRecord::value).containsExactlyInAnyOrder("v1", "v2");
        }
    }

    @Test
    void committedRecordsSurviveAKillAndRestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().start()) {
            String bootstrap = broker.bootstrapServers();
            Clients.createTopic(bootstrap, "crash");
            Clients.produce(bootstrap, "crash", Map.of("acked", "before-crash"));
            Clients.produceInTransaction(bootstrap, "crash", "crash-tx", Map.of("tx", "committed-before-crash"));
            // Wait for the commit markers: a transaction whose markers are still in flight at SIGKILL can hang
            // after restart (see KafkaBroker#kill).
            assertThat(Clients.readAll(bootstrap, "crash", 2, true)).hasSize(2);
            long pid = broker.pid();

            broker.kill();

            assertThat(broker.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid)).isEmpty();
            broker.restart();
            assertThat(Clients.readAll(bootstrap, "crash", 2, true))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before-crash", "committed-before-crash");
        }
    }

    @Test
    void closeEndsTheChildJvmAndDeletesTheTemporaryDataDir() {
        KafkaBroker broker = KafkaBroker.builder().heapMb(128).start();
        long pid = broker.pid();
        Path dataDir = broker.dataDir();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        broker.close();

        assertThat(broker.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void atShutdownTheBrokerWaitsForTheClientsThatHoldItBeforeStopping() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().heapMb(128).start()) {
            long pid = broker.pid();
            AutoCloseable hold = broker.hold();
            CompletableFuture<Void> hook = CompletableFuture.runAsync(broker::stopForShutdown);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> !hook.isDone() && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent());
            Clients.createTopic(broker.bootstrapServers(), "written-while-held");

            hold.close();
            hook.get(60, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void aGivenDataDirIsKeptAndReopenedWithoutFormattingAgain(@TempDir Path dataDir) throws Exception {
        String clusterId;
        try (KafkaBroker first = KafkaBroker.builder().dataDir(dataDir).start()) {
            Clients.createTopic(first.bootstrapServers(), "kept");
            Clients.produce(first.bootstrapServers(), "kept", Map.of("k", "from-first-run"));
            clusterId = clusterId(first.bootstrapServers());
        }
        assertThat(dataDir.resolve("kraft-data/meta.properties")).exists();

        try (KafkaBroker second = KafkaBroker.builder().dataDir(dataDir).start()) {
            assertThat(clusterId(second.bootstrapServers())).isEqualTo(clusterId);
            assertThat(Clients.readAll(second.bootstrapServers(), "kept", 1, false))
                    .extracting(ConsumerRecord::value).containsExactly("from-first-run");
        }
    }

    @Test
    void aSecondBrokerOnTheSameDataDirIsRefusedAndTheFirstKeepsRunning(@TempDir Path dataDir) throws Exception {
        try (KafkaBroker first = KafkaBroker.builder().dataDir(dataDir).heapMb(128).start()) {
            String settings = Files.readString(dataDir.resolve("server.properties"));

            assertThatThrownBy(() -> KafkaBroker.builder().dataDir(dataDir).start())
                    .isInstanceOf(BrokerLockedException.class)
                    .hasMessageContaining("in use by process " + ProcessHandle.current().pid())
                    .hasMessageContaining(first.bootstrapServers());

            assertThat(Files.readString(dataDir.resolve("server.properties"))).isEqualTo(settings);
            assertThat(first.isRunning()).isTrue();
            Clients.createTopic(first.bootstrapServers(), "still-serving");
        }
    }

    @Test
    void startFailsFastWithTheEndOfTheBrokerLogWhenTheBrokerJvmExits(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            long begin = System.nanoTime();

            assertThatThrownBy(() -> KafkaBroker.builder().dataDir(dataDir).port(taken.getLocalPort())
                    .startupTimeout(Duration.ofSeconds(60)).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("Address already in use");

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
        }
        assertThat(Files.readString(dataDir.resolve("broker.log"))).contains("Address already in use");
    }

    @Test
    void aFailedStartDeletesTheTemporaryDataDirItMade() {
        Throwable thrown = catchThrowable(() -> KafkaBroker.builder().brokerConfig("node.id", "not-a-number").start());

        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("formatting storage failed")
                .hasMessageContaining("not-a-number");
        Matcher logPath = Pattern.compile("broker log (\\S+) ends with").matcher(thrown.getMessage());
        assertThat(logPath.find()).isTrue();
        assertThat(Path.of(logPath.group(1)).getParent()).doesNotExist();
    }

    private static String clusterId(String bootstrap) throws Exception {
        try (Admin admin = Clients.admin(bootstrap)) {
            return admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
        }
    }
}
