package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.broker.testing.TopicReader;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.IngestException;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.model.Article;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class KafkaLedgerIT {
    private PipelineConfig config;
    private String transactionalId;

    @BeforeEach
    void setUp() {
        String name = SharedKafkaBroker.uniqueName("ledger");
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, name + ".",
                PipelineConfig.TOPIC_PARTITIONS, "2"));
        transactionalId = name + "-feed";
    }

    private KafkaLedger open() {
        return KafkaLedger.open(config, IngestOptions.defaults(), transactionalId, List.of("feed-item:"));
    }

    private static LedgerBatch item(String id, String text) {
        Article article = new Article(id, "https://news.example/" + id, "Headline", "2020-11-17T16:30:00Z",
                "Example News", text, "https://news.example/rss.xml");
        return new LedgerBatch().article(article, Map.of(FeedHeaders.FEED, "https://news.example/rss.xml"))
                .mark(FeedPoller.markKey(id), new IngestMark(IngestMark.FEED_ITEM, "https://news.example/rss.xml", id,
                        null, null, "2020-11-17T16:31:00Z"));
    }

    @Test
    void aCommittedBatchIsOnTheTopicsAndTheNextInstanceRemembersIt() {
        try (KafkaLedger ledger = open()) {
            ledger.commit(item("urn:ex:1", Feeds.BASE_ATTACK)
                    .deadLetter(new ReadResult.Rejected("https://news.example/rss.xml item urn:ex:0", "no text", null))
                    .mark(FeedPoller.markKey("urn:ex:0"), new IngestMark(IngestMark.FEED_ITEM, "f", null, null, null,
                            "t")));
            assertThat(ledger.published()).isEqualTo(1);
            assertThat(ledger.deadLettered()).isEqualTo(1);
        }

        List<ConsumerRecord<String, Article>> raw = readCommitted(config.topics().rawArticles);
        assertThat(raw).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("urn:ex:1");
            assertThat(r.value().text()).isEqualTo(Feeds.BASE_ATTACK);
            assertThat(SchemaVersion.of(r.headers())).isEqualTo(SchemaVersion.ARTICLE);
            assertThat(new String(r.headers().lastHeader(FeedHeaders.FEED).value(), StandardCharsets.UTF_8))
                    .isEqualTo("https://news.example/rss.xml");
        });
        assertThat(readCommitted(config.topics().deadLetters)).hasSize(1);
        try (KafkaLedger next = open()) {
            assertThat(next.seen(FeedPoller.markKey("urn:ex:1"))).isTrue();
            assertThat(next.seen(FeedPoller.markKey("urn:ex:0"))).isTrue();
            assertThat(next.seen(FeedPoller.markKey("urn:ex:2"))).isFalse();
        }
    }

    @Test
    void aSecondInstanceFencesTheFirstWhoseLaterCommitsPublishNothing() {
        try (KafkaLedger first = open()) {
            first.commit(item("urn:ex:1", Feeds.BASE_ATTACK));
            try (KafkaLedger second = open()) {
                assertThat(second.seen(FeedPoller.markKey("urn:ex:1"))).isTrue();

                assertThatThrownBy(() -> first.commit(item("urn:ex:2", Feeds.CHECKPOINT_BOMB)))
                        .isInstanceOf(IngestException.class).hasMessageContaining("took over");
                second.commit(item("urn:ex:3", Feeds.DRONE_STRIKE));
            }
        }

        assertThat(readCommitted(config.topics().rawArticles)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("urn:ex:1", "urn:ex:3");
    }

    private <K, V> List<ConsumerRecord<K, V>> readCommitted(Topic<K, V> topic) {
        return TopicReader.readAll(config.clientProperties(), topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer(), Duration.ofSeconds(30));
    }
}
