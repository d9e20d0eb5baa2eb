package io.incidentstreams.ingest.feed;

import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.jsonArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.broker.testing.TopicReader;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.files.InputFiles;
import io.incidentstreams.ingest.watch.FolderWatcher;
import io.incidentstreams.ingest.watch.WatchListener;
import io.incidentstreams.model.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction that fails in the middle of a run, on the real broker: the ledger re-initialises its producer,
 * resumes from what the state topic says is published, and every article ends on the raw topic exactly once.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(180)
class LedgerRecoveryIT {
    static final int FILES = 24;
    static final int PER_FILE = 3;

    @TempDir
    Path dir;

    private PipelineConfig config;
    private String transactionalId;

    @BeforeEach
    void setUp() {
        String name = SharedKafkaBroker.uniqueName("recovery");
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, name + ".",
                PipelineConfig.TOPIC_PARTITIONS, "2"));
        transactionalId = name + "-watch";
    }

    private KafkaLedger open(Function<java.util.Properties, org.apache.kafka.clients.producer.Producer<byte[], byte[]>> producers) {
        return KafkaLedger.open(config, IngestOptions.defaults(), transactionalId,
                List.of(FolderWatcher.FILE_KEY_PREFIX, FolderWatcher.ARTICLE_KEY_PREFIX), producers);
    }

    /** FILES JSON Lines files of PER_FILE articles each; returns every article id. */
    private List<String> writeFiles() {
        InputFiles files = new InputFiles(dir);
        List<String> ids = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            String[] lines = new String[PER_FILE];
            for (int a = 0; a < PER_FILE; a++) {
                String id = "art-" + f + "-" + a;
                ids.add(id);
                lines[a] = jsonArticle().id(id).url("https://news.example/" + id).publishedAt("2022-05-17T08:00:00Z")
                        .title("Report " + id).outlet("Example News").text(MARKET_ATTACK + " (report " + id + ")").line();
            }
            files.jsonLines("batch-" + f + ".jsonl", lines);
        }
        return ids;
    }

    /** Watches the folder until every file is published: two scans, as files must settle. */
    private void watch(KafkaLedger ledger, int commitEvery) {
        FakeTicker ticker = new FakeTicker();
        FolderWatcher watcher = new FolderWatcher(dir, new FolderWatcher.Settings(Duration.ZERO, Duration.ofSeconds(1),
                commitEvery), IngestOptions.defaults(), ledger, ticker, WatchListener.NONE);
        watcher.scan();
        ticker.advance(Duration.ofSeconds(1));
        watcher.scan();
    }

    private List<String> rawIds() {
        var topic = config.topics().rawArticles;
        List<ConsumerRecord<String, Article>> raw = TopicReader.readAll(config.clientProperties(), topic.name(),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer(), Duration.ofSeconds(30));
        return raw.stream().map(ConsumerRecord::key).toList();
    }

    private static void assertExactlyOnce(List<String> onTopic, List<String> ids) {
        Map<String, Long> counts = onTopic.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("duplicated").isEmpty();
        assertThat(onTopic).as("every article exactly once").containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest
    @EnumSource(FaultyProducer.Fault.class)
    void aWatcherWhoseCommitFailsOnceRecoversAndPublishesEveryArticleExactlyOnce(FaultyProducer.Fault fault) {
        List<String> ids = writeFiles();
        FaultyProducer.Factory producers = new FaultyProducer.Factory(fault, Set.of(7));

        try (KafkaLedger ledger = open(producers)) {
            watch(ledger, 1000);

            assertThat(producers.injected.get()).isEqualTo(1);
            assertThat(ledger.recoveries()).isEqualTo(1);
            assertThat(producers.made.get()).isEqualTo(2);
            assertThat(ledger.published()).isEqualTo(FILES * PER_FILE);
        }
        assertExactlyOnce(rawIds(), ids);
        try (KafkaLedger next = open(KafkaLedger::kafkaProducer)) {
            for (String id : ids) {
                assertThat(next.seen(FolderWatcher.ARTICLE_KEY_PREFIX + id)).as(id).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FaultyProducer.Fault.class)
    void commitsThatFailSeveralTimesInARowInsideOneFileStillPublishEachArticleOnce(FaultyProducer.Fault fault) {
        List<String> ids = writeFiles();
        // Two records (an article and its mark) per article: commitEvery 2 commits each article on its own.
        FaultyProducer.Factory producers = new FaultyProducer.Factory(fault, Set.of(5, 6, 7, 30));

        try (KafkaLedger ledger = open(producers)) {
            watch(ledger, 2);

            assertThat(producers.injected.get()).isEqualTo(4);
            assertThat(ledger.recoveries()).isEqualTo(4);
        }
        assertExactlyOnce(rawIds(), ids);
    }

    @ParameterizedTest
    @EnumSource(FaultyProducer.Fault.class)
    void aFeedPollerWhoseCommitFailsRecoversAndPublishesEveryItemExactlyOnce(FaultyProducer.Fault fault)
            throws Exception {
        int items = 12;
        Feeds.Rss rss = Feeds.rss("Example News");
        List<String> ids = new ArrayList<>();
        for (int i = items; i >= 1; i--) {
            ids.add("urn:ex:" + i);
            rss.item("urn:ex:" + i, null, "Report " + i, "Tue, 17 Nov 2020 19:30:00 +0300",
                    Feeds.BASE_ATTACK + " (report " + i + ")");
        }
        String xml = rss.xml();
        FaultyProducer.Factory producers = new FaultyProducer.Factory(fault, Set.of(4, 9));
        try (LocalHttpServer server = LocalHttpServer.start();
             KafkaLedger ledger = KafkaLedger.open(config, IngestOptions.defaults(), transactionalId + "-feed",
                     List.of("feed-item:"), producers)) {
            server.on("/feed", ex -> LocalHttpServer.send(ex, 200, "application/rss+xml", xml));
            FeedPoller poller = new FeedPoller(List.of(server.uri("/feed")), FeedSettings.defaults(),
                    new HttpFetcher(HttpFetcher.Settings.defaults().withAllowPrivateHosts(true)), ledger,
                    new FakeTicker(), new java.util.Random(7), FeedListener.NONE);

            poller.pollEachOnce();

            assertThat(producers.injected.get()).isEqualTo(2);
            assertThat(ledger.recoveries()).isEqualTo(2);
            assertThat(ledger.published()).isEqualTo(items);
        }
        assertExactlyOnce(rawIds(), ids);
    }

    @Test
    void aRunWithoutFaultsNeedsNoRecovery() {
        List<String> ids = writeFiles();
        FaultyProducer.Factory producers = new FaultyProducer.Factory(FaultyProducer.Fault.TIMED_OUT_UNCOMMITTED, Set.of());

        try (KafkaLedger ledger = open(producers)) {
            watch(ledger, 1000);
            assertThat(ledger.recoveries()).isZero();
        }
        assertExactlyOnce(rawIds(), ids);
    }
}
