package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentstreams.bench.ArticleGenerator;
import io.incidentstreams.broker.KafkaCluster;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.ArticlePublisher;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.Source;
import io.incidentstreams.sink.IncidentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brokers killed with SIGKILL and restarted one after another while ingest publishes and enrich processes, after
 * Kafka's own {@code streams_eos_test}: three combined KRaft nodes ({@link KafkaCluster}), every topic at
 * replication factor 3 with {@code min.insync.replicas} 2, enrich with exactly-once v2.
 *
 * <p>The articles go out in {@code kills + 1} chunks from one publisher, as one ingest run would send them. After
 * each chunk but the last, one node is killed (the nodes in turn, so the group and transaction coordinators and
 * the active controller are each lost at some point), the next chunk is published while it is down, and the node
 * is restarted; the next kill waits until every replica of every partition is back in sync, since a second node
 * lost before that would leave partitions below their min ISR. Enrich runs throughout.
 *
 * <p>The end state must not depend on the faults: the snapshot equals that of an undisturbed run over the same
 * articles on the same cluster (other topics, other application id), and the raw topic read with
 * {@code read_committed} holds each article id exactly as often as it was sent: nothing lost, nothing duplicated.
 *
 * <p>{@code -Dbounce.articles=N} (default 1,000; the full size is 20,000) and {@code -Dbounce.kills=K}
 * (default 3, one per node) change the size.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BounceIT {
    private static final Logger LOG = LoggerFactory.getLogger(BounceIT.class);

    static final int ARTICLES = Integer.getInteger("bounce.articles", 1_000);
    static final int KILLS = Integer.getInteger("bounce.kills", 3);
    static final Extractor EXTRACTOR = Extractor.load(null);
    static final Path LOGS = Path.of("target", "bounce-logs");
    static final Duration PROCESSING = Duration.ofMinutes(Math.max(3, ARTICLES / 2_000));

    static KafkaCluster cluster;

    @TempDir
    static Path work;

    @BeforeAll
    static void startCluster() {
        cluster = KafkaCluster.builder().nodes(3).heapMb(256).logDir(LOGS).start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static PipelineConfig pipeline(String name) {
        return TestPipelines.pipeline(cluster.bootstrapServers(), name, work.resolve(name), Map.of(
                PipelineConfig.TOPIC_REPLICATION_FACTOR, "3",
                PipelineConfig.STARTUP_TIMEOUT_MS, "60000",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2));
    }

    @Test
    void eachBrokerKilledAndRestartedInTurnDuringARunLeavesTheUndisturbedSnapshotAndEachArticleOnceOnTheRawTopic()
            throws Exception {
        List<Article> articles = new ArticleGenerator(23).generate(ARTICLES);
        // The generator repeats some articles, as feeds do: each id must be on the topic as often as it was sent.
        Map<String, Long> timesSent = articles.stream()
                .collect(Collectors.groupingBy(Article::id, Collectors.counting()));

        PipelineConfig calm = pipeline("bounce-calm");
        TestPipelines.publish(calm, articles);
        try (EnrichApp app = new EnrichApp(calm, EXTRACTOR::extract, EXTRACTOR.rulesVersion())) {
            app.start();
            TestPipelines.awaitProcessed(calm, PROCESSING);
            assertThat(app.fatalError()).isNull();
        }
        List<Incident> undisturbed = IncidentSnapshot.read(calm, Duration.ofSeconds(60));
        assertThat(undisturbed).hasSizeGreaterThan(ARTICLES / 4);

        PipelineConfig bounced = pipeline("bounce-faults");
        long begin = System.nanoTime();
        try (EnrichApp app = new EnrichApp(bounced, EXTRACTOR::extract, EXTRACTOR.rulesVersion())) {
            app.start();
            assertReplicatedThreeWaysWithMinIsrTwo(bounced);
            int chunks = KILLS + 1;
            try (ArticlePublisher publisher = ArticlePublisher.open(bounced, IngestOptions.defaults())) {
                publishChunk(publisher, articles, 0, chunks);
                for (int kill = 0; kill < KILLS; kill++) {
                    int node = kill % cluster.size();
                    long pid = cluster.node(node).pid();
                    cluster.kill(node);
                    assertThat(cluster.node(node).isRunning()).as("node %d after SIGKILL", node + 1).isFalse();

                    publishChunk(publisher, articles, kill + 1, chunks);

                    cluster.restart(node);
                    assertThat(cluster.node(node).pid()).as("pid of node %d after restart", node + 1).isNotEqualTo(pid);
                    await("every replica back in sync after node " + (node + 1) + " restarted")
                            .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                            .failFast("enrich stopped: " + app.fatalError(), () -> app.fatalError() != null)
                            .until(() -> cluster.partitionsNotInSync().isEmpty());
                    LOG.info("node {} killed, restarted and back in sync after chunk {} of {}", node + 1, kill + 2,
                            chunks);
                }
                assertThat(publisher.published()).isEqualTo(ARTICLES);
                assertThat(publisher.deadLettered()).isZero();
            }
            TestPipelines.awaitProcessed(bounced, PROCESSING);
            assertThat(app.fatalError()).as("enrich's fatal error").isNull();
            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
        LOG.info("{} articles through {} broker kills in {} s", ARTICLES, KILLS,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));

        List<ConsumerRecord<String, Article>> raw = TestPipelines.readAll(bounced, bounced.topics().rawArticles);
        assertThat(raw).as("raw records, read_committed").hasSize(ARTICLES);
        assertThat(raw.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting())))
                .as("times each article id is on the raw topic").isEqualTo(timesSent);

        List<Incident> snapshot = IncidentSnapshot.read(bounced, Duration.ofSeconds(60));
        assertThat(snapshot).hasSameSizeAs(undisturbed);
        assertThat(snapshot).isEqualTo(undisturbed);
        Map<String, Incident> live = TestPipelines.live(TestPipelines.readAll(bounced, bounced.topics().incidents));
        assertThat(live.keySet()).isEqualTo(snapshot.stream().map(Incident::id).collect(Collectors.toSet()));
        assertThat(live.values()).allSatisfy(incident -> assertThat(incident.sources()).extracting(Source::articleId)
                .as("sources of %s", incident.id()).doesNotHaveDuplicates());
    }

    /** Publishes chunk {@code index} of {@code count} and waits until each of its articles is acknowledged. */
    private static void publishChunk(ArticlePublisher publisher, List<Article> articles, int index, int count) {
        int from = articles.size() * index / count;
        int to = articles.size() * (index + 1) / count;
        articles.subList(from, to).forEach(publisher::publish);
        publisher.flush();
    }

    /** The raw topic and one of enrich's changelogs: three replicas each, two of them needed in sync. */
    private static void assertReplicatedThreeWaysWithMinIsrTwo(PipelineConfig config) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            String raw = config.topics().rawArticles.name();
            String prefix = config.getString(PipelineConfig.APPLICATION_ID) + "-";
            // Streams creates its internal topics in its first rebalance, after start() has returned.
            Set<String> internal = await("enrich's internal topics").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                            .filter(name -> name.startsWith(prefix) && name.endsWith("-changelog"))
                            .collect(Collectors.toSet()), names -> !names.isEmpty());
            Map<String, TopicDescription> descriptions = admin.describeTopics(
                    new java.util.HashSet<>(List.of(raw, internal.iterator().next()))).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(descriptions.values()).allSatisfy(d -> assertThat(d.partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).as("replicas of %s", d.name()).hasSize(3)));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, raw);
            Config rawConfig = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(rawConfig.get("min.insync.replicas").value()).isEqualTo("2");
        }
    }
}
