package io.incidentstreams.ingest;

import static io.incidentstreams.ingest.TopicContents.header;
import static io.incidentstreams.ingest.TopicContents.readAll;
import static io.incidentstreams.ingest.files.InputFiles.CHECKPOINT_CLASH;
import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.TRUCE_TALKS;
import static io.incidentstreams.ingest.files.InputFiles.dated;
import static io.incidentstreams.ingest.files.InputFiles.jsonArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.IngestSummary.Rejection;
import io.incidentstreams.ingest.files.InputFiles;
import io.incidentstreams.model.Article;
import io.incidentstreams.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafkaBroker.class)
class IngesterIT {
    @TempDir
    Path dir;

    private InputFiles files;
    private PipelineConfig config;
    private Topics topics;

    @BeforeEach
    void setUp() {
        files = new InputFiles(dir);
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, SharedKafkaBroker.uniqueName("ingest") + ".",
                PipelineConfig.TOPIC_PARTITIONS, "2",
                PipelineConfig.TOPIC_REPLICATION_FACTOR, "1"));
        topics = config.topics();
    }

    private List<ConsumerRecord<String, Article>> articles() {
        return readAll(SharedKafkaBroker.bootstrapServers(), topics.rawArticles);
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return readAll(SharedKafkaBroker.bootstrapServers(), topics.deadLetters);
    }

    private static Map<String, Article> byKey(List<ConsumerRecord<String, Article>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
    }

    @Test
    void ingestingAFolderPublishesEveryArticleKeyedByItsId() {
        Path market = files.text("2022/market.txt", dated("2022-05-17", MARKET_ATTACK));
        Path clash = files.text("2022/clash.txt", CHECKPOINT_CLASH);
        Path batch = files.jsonLines("batch.jsonl",
                jsonArticle().id("wire-2201").url("https://news.example/truce").publishedAt("2022-06-01")
                        .title("Clans sign truce").outlet("Example Wire").text(TRUCE_TALKS).line(),
                jsonArticle().url("https://news.example/clash-follow-up").text(CHECKPOINT_CLASH + " A second "
                        + "soldier died of his wounds.").line());
        List<IngestProgress> progress = new ArrayList<>();

        IngestSummary summary = new Ingester(config, IngestOptions.defaults().withProgress(2, Duration.ofHours(1)))
                .ingest(List.of(dir), progress::add);

        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.published()).isEqualTo(4);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.complete()).isTrue();
        assertThat(progress).extracting(IngestProgress::read).containsExactly(2L, 4L);

        List<ConsumerRecord<String, Article>> records = articles();
        assertThat(records).hasSize(4);
        Map<String, Article> published = byKey(records);
        assertThat(published).containsOnlyKeys(ArticleIds.idFor(null, null, MARKET_ATTACK),
                ArticleIds.idFor(null, null, CHECKPOINT_CLASH), "wire-2201", "https://news.example/clash-follow-up");
        assertThat(published.get(ArticleIds.idFor(null, null, MARKET_ATTACK))).isEqualTo(new Article(
                ArticleIds.idFor(null, null, MARKET_ATTACK), null, null, "2022-05-17", null, MARKET_ATTACK,
                market.toString()));
        assertThat(published.get(ArticleIds.idFor(null, null, CHECKPOINT_CLASH)).origin()).isEqualTo(clash.toString());
        assertThat(published.get("wire-2201")).isEqualTo(new Article("wire-2201", "https://news.example/truce",
                "Clans sign truce", "2022-06-01", "Example Wire", TRUCE_TALKS, batch + ":1"));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void badInputsGoToTheDeadLettersWithTheirReasonWhileTheOthersArePublished() {
        files.text("a-good.txt", dated("2022-05-17", MARKET_ATTACK));
        Path badDate = files.text("b-bad-date.txt", dated("2020-13-45", CHECKPOINT_CLASH));
        Path empty = files.bytes("c-empty.txt", new byte[0]);
        Path lines = files.jsonLines("d-lines.jsonl", jsonArticle().id("ok-1").text(TRUCE_TALKS).line(),
                "{\"id\": \"broken\", \"text\": ");
        Path huge = files.sparse("e-huge.txt", 10L * 1024 * 1024);

        IngestSummary summary = new Ingester(config).ingest(List.of(dir), ProgressListener.NONE);

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(4);
        assertThat(summary.deadLettered()).isEqualTo(4);
        assertThat(summary.rejections()).extracting(Rejection::source).containsExactly(badDate.toString(),
                empty.toString(), lines + ":2", huge.toString());
        assertThat(byKey(articles())).containsOnlyKeys(ArticleIds.idFor(null, null, MARKET_ATTACK), "ok-1");

        Map<String, ConsumerRecord<byte[], byte[]>> letters = deadLetters().stream().collect(Collectors.toMap(
                r -> header(r, DeadLetters.SOURCE), r -> r));
        assertThat(letters).containsOnlyKeys(badDate.toString(), empty.toString(), lines + ":2", huge.toString());
        assertThat(letters.values()).allSatisfy(r -> assertThat(header(r, DeadLetters.STAGE)).isEqualTo("ingest"));

        ConsumerRecord<byte[], byte[]> dateLetter = letters.get(badDate.toString());
        assertThat(header(dateLetter, DeadLetters.REASON)).contains("impossible date prefix '2020-13-45'");
        assertThat(dateLetter.key()).asString(StandardCharsets.UTF_8).isEqualTo(badDate.toString());
        assertThat(dateLetter.value()).asString(StandardCharsets.UTF_8)
                .isEqualTo(dated("2020-13-45", CHECKPOINT_CLASH));
        assertThat(header(letters.get(empty.toString()), DeadLetters.REASON)).isEqualTo("empty file");
        assertThat(header(letters.get(lines + ":2"), DeadLetters.REASON)).startsWith("line 2: malformed JSON");

        ConsumerRecord<byte[], byte[]> hugeLetter = letters.get(huge.toString());
        assertThat(header(hugeLetter, DeadLetters.REASON)).contains("exceeds the maximum article size");
        assertThat(header(hugeLetter, DeadLetters.TRUNCATED)).isEqualTo("true");
        assertThat(hugeLetter.value()).isNull();
    }

    @Test
    void ingestingTheSameFolderTwicePublishesTheSameKeys() {
        files.text("one.txt", dated("2022-05-17", MARKET_ATTACK));
        files.text("two.txt", CHECKPOINT_CLASH);
        files.jsonLines("three.jsonl", jsonArticle().text(TRUCE_TALKS).line());
        Ingester ingester = new Ingester(config);

        IngestSummary first = ingester.ingest(List.of(dir), ProgressListener.NONE);
        List<String> keysAfterFirst = articles().stream().map(ConsumerRecord::key).sorted().toList();
        IngestSummary second = ingester.ingest(List.of(dir), ProgressListener.NONE);
        List<ConsumerRecord<String, Article>> all = articles();

        assertThat(first.published()).isEqualTo(3);
        assertThat(second.published()).isEqualTo(3);
        assertThat(keysAfterFirst).hasSize(3).doesNotHaveDuplicates();
        Map<String, Long> timesPublished = all.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(timesPublished).containsOnlyKeys(keysAfterFirst).allSatisfy((key, times) ->
                assertThat(times).isEqualTo(2));
    }

    @Test
    void articleTheBrokerRefusesAsTooLargeIsDeadLetteredAndTheRunGoesOn() throws Exception {
        // The topic exists with a message limit far below the producer's, as an operator might have set it.
        Map<String, String> configs = new HashMap<>(topics.rawArticles.configs());
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4096");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.rawArticles.name(), Optional.of(1), Optional.empty())
                    .configs(configs))).all().get();
        }
        Path big = files.text("a-big.txt", randomLetters(40_000));
        files.text("b-small.txt", TRUCE_TALKS);

        IngestSummary summary = new Ingester(config).ingest(List.of(dir), ProgressListener.NONE);

        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(big.toString());
            assertThat(r.reason()).startsWith("the broker refused the article as too large");
        });
        assertThat(summary.complete()).isTrue();
        assertThat(articles()).extracting(r -> r.value().text()).containsExactly(TRUCE_TALKS);
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(header(letter, DeadLetters.SOURCE)).isEqualTo(big.toString());
            assertThat(header(letter, DeadLetters.TRUNCATED)).isEqualTo("true");
        });
    }

    @Test
    void aTopicDeletedUnderTheRunFailsWithAMessageSayingTheTopicIsMissingFromMetadata() throws Exception {
        PipelineConfig quick = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, SharedKafkaBroker.uniqueName("ingest") + ".",
                "max.block.ms", "2000"));
        try (ArticlePublisher publisher = ArticlePublisher.open(quick, IngestOptions.defaults());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     SharedKafkaBroker.bootstrapServers()))) {
            admin.deleteTopics(List.of(quick.topics().rawArticles.name())).all().get();
            Article article = new Article("a-1", null, null, "2021-02-22", null, MARKET_ATTACK, "test");

            publisher.publish(article); // the send waits for metadata, gives up, and records the failure

            assertThatThrownBy(publisher::flush)
                    .isInstanceOf(IngestException.class)
                    .hasMessageContaining("publishing to " + quick.topics().rawArticles.name() + " failed")
                    .hasMessageContaining("timed out: Topic " + quick.topics().rawArticles.name()
                            + " not present in metadata after 2000 ms")
                    .hasMessageNotContaining("no acknowledgement");
        }
    }

    /** Text that compression cannot shrink below the topic's limit. */
    private static String randomLetters(int length) {
        StringBuilder text = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (text.length() < length) {
            text.append(random.nextInt(10) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
